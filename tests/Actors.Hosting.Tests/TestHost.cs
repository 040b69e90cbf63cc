using Akka.Logger.Serilog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Tests;

/// <summary>
/// A real generic host with Akka.Hosting (<c>services.AddAkka</c>), health checks, and actor logs going to Serilog
/// through Akka.Logger.Serilog; <c>configure</c> adds our extensions to the builder as a user would.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Akka's scheduler on virtual time, so nothing timed (backoff, sampling) happens unless a test advances it.</summary>
    public const string VirtualTime = "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"";

    private TestHost(IHost host, CapturingLoggerProvider logs, string name)
    {
        Host = host;
        Logs = logs;
        Name = name;
    }

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The actor system's name, unique per test so its Serilog events can be told apart.</summary>
    public string Name { get; }

    /// <summary>What <see cref="RunAsync"/> printed on the console.</summary>
    public StringWriter Console { get; } = new();

    public ActorSystem System => Host.Services.GetRequiredService<ActorSystem>();

    public static TestHost Build(Action<AkkaConfigurationBuilder> configure, Action<IServiceCollection>? services = null, bool virtualTime = false)
    {
        _ = SerilogCapture.Instance;
        var logs = new CapturingLoggerProvider();
        string name = "hosted-" + Guid.NewGuid().ToString("N")[..8];
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddHealthChecks();
        builder.Services.AddAkka(name, akka =>
        {
            akka.ConfigureLoggers(l => l.AddSerilogLogging());
            if (virtualTime)
            {
                akka.AddHocon(Akka.Configuration.ConfigurationFactory.ParseString(VirtualTime), HoconAddMode.Prepend);
            }

            configure(akka);
        });
        services?.Invoke(builder.Services);
        return new TestHost(builder.Build(), logs, name);
    }

    /// <summary>Runs the host as a program would (<c>RunWithExitCodeAsync</c>) until it stops, without touching the process's exit code.</summary>
    public Task<int> RunAsync() => ActorsHostExtensions.RunCoreAsync(Host, Console, setProcessExitCode: false, CancellationToken.None).WaitAsync(Timeout);

    public Task StartAsync() => Host.StartAsync().WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync().WaitAsync(Timeout);
        }
        catch (Exception e) when (e is ArgumentNullException or InvalidOperationException)
        {
            // A host whose start failed does not always stop cleanly.
        }

        Host.Dispose();
        Console.Dispose();
    }
}
