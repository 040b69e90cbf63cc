using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Tests.Validation;

/// <summary>Start-up validation and failures on a real host, run as a program would with RunWithExitCodeAsync.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task RunWithExitCode_ValidationFails_NoActorStartsAndReturns78ListingEveryProblem()
    {
        string missingVar = $"ACTORS_TEST_MISSING_{Guid.NewGuid():N}";
        string path = _files.Write("node.conf", "exchange {\n  timeout = fast\n}\n");
        bool started = false;
        await using TestHost host = TestHost.Build(a => a
            .AddStrictHoconFile(path, o => o.Console = null)
            .WithStartupValidation(v => v
                .RequireEnvironmentVariable(missingVar, "export it")
                .RequireDirectory(Path.Combine(_files.Directory, "nope"))
                .RequireSetting("exchange.timeout", (c, p) => c.GetTimeSpan(p)))
            .WithActors((_, _) => started = true));

        int code = await host.RunAsync();

        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, code);
        Assert.False(started);
        string console = host.Console.ToString();
        Assert.Contains("3 problems", console, StringComparison.Ordinal);
        Assert.Contains(missingVar, console, StringComparison.Ordinal);
        Assert.Contains("Fix: export it", console, StringComparison.Ordinal);
        Assert.Contains("node.conf:2:", console, StringComparison.Ordinal);
        Assert.Single(host.Logs.Entries, e => e.Message.Contains(missingVar, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunWithExitCode_StarterThrows_Returns70AndLogsTheFailureOnce()
    {
        await using TestHost host = TestHost.Build(a => a.WithActors((_, _) => throw new InvalidOperationException("kaboom-42")));

        int code = await host.RunAsync();

        Assert.Equal(ActorsExitCodes.StartupFailed, code);
        Assert.Contains("exit code 70", host.Console.ToString(), StringComparison.Ordinal);
        Assert.Contains("kaboom-42", host.Console.ToString(), StringComparison.Ordinal);
        CapturingLoggerProvider.Entry logged = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("kaboom-42", StringComparison.Ordinal));
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task RunWithExitCode_FileAddedAfterAReader_Returns70SayingToLoadItFirst()
    {
        string path = _files.Write("node.conf", "actors.errors.capacity = 42\n");
        await using TestHost host = TestHost.Build(a => a.WithResilience().AddStrictHoconFile(path, o => o.Console = null));

        Assert.Equal(ActorsExitCodes.StartupFailed, await host.RunAsync());
        Assert.Contains("comes after WithResilience", host.Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithExitCode_AdminEndpointsWithoutResilience_Returns70NamingWithResilience()
    {
        await using TestHost host = TestHost.Build(a => a.WithAdminEndpoints(o => o.Port = 0));

        Assert.Equal(ActorsExitCodes.StartupFailed, await host.RunAsync());
        Assert.Contains("call WithResilience()", host.Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCodeFor_WrappedConfigurationError_Is78()
    {
        var error = new AggregateException(new HoconException("expected a number", "node.conf", 3, 5, "actors.x"));

        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, ActorsExitCodes.For(error));
        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, ActorsExitCodes.For(new Akka.Configuration.ConfigurationException("bad")));
        Assert.Equal(ActorsExitCodes.StartupFailed, ActorsExitCodes.For(new InvalidOperationException()));
    }
}
