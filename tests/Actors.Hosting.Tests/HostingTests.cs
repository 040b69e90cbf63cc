using Actors.Event;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Actors.Hosting.Tests;

public sealed class HostingTests
{
    private sealed class Greeter : UntypedActor
    {
        private readonly ILoggingAdapter _log;

        public Greeter() => _log = Context.GetLogger();

        protected override void OnReceive(object message)
        {
            if (message is string name)
            {
                _log.Info("Greeting {Name}", name);
                Sender.Tell("hello " + name);
            }
        }
    }

    private sealed class Unregistered;

    [Fact]
    public async Task RequiredActor_ResolvedBeforeStart_WaitsAndNeverReturnsNobody()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(a => a.WithActors((system, registry) => registry.Register<Greeter>(system.ActorOf(Props.Create(() => new Greeter()), "greeter"))), logs);
        var required = host.Services.GetRequiredService<IRequiredActor<Greeter>>();
        Task<IActorRef> lookup = required.GetAsync();
        Assert.False(lookup.IsCompleted);

        await host.StartAsync();
        IActorRef greeter = await lookup.WaitAsync(HostFixture.Timeout);

        Assert.NotEqual(ActorRefs.Nobody, greeter);
        Assert.Equal("/user/greeter", greeter.Path.ToStringWithoutAddress());
        Assert.Equal("hello ann", await greeter.Ask<string>("ann"));
        Assert.Same(greeter, required.ActorRef);
        await host.StopAsync();
    }

    [Fact]
    public async Task RequiredActor_NeverRegistered_TimesOutNamingTheKey()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(a => a.WithRequiredActorTimeout(TimeSpan.FromMilliseconds(200)), logs);
        await host.StartAsync();

        var required = host.Services.GetRequiredService<IRequiredActor<Unregistered>>();
        var e = await Assert.ThrowsAsync<MissingActorRegistryEntryException>(() => required.GetAsync());

        Assert.Contains(typeof(Unregistered).FullName!, e.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task HostStop_RunsCoordinatedShutdown_SystemTerminates()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(_ => { }, logs);
        await host.StartAsync();
        ActorSystem system = host.Services.GetRequiredService<ActorSystem>();

        await host.StopAsync();

        await system.WhenTerminated.WaitAsync(HostFixture.Timeout);
        Assert.IsType<CoordinatedShutdown.HostStopReason>(CoordinatedShutdown.Get(system).ShutdownReason);
    }

    [Fact]
    public async Task SystemTerminatesOnItsOwn_StopsTheHost()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(_ => { }, logs);
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        Task stopping = HostFixture.WhenCancelled(lifetime.ApplicationStopping);

        await host.Services.GetRequiredService<ActorSystem>().Terminate();

        await stopping.WaitAsync(HostFixture.Timeout);
        await logs.WaitFor(e => e.Message.Contains("terminated on its own", StringComparison.Ordinal), HostFixture.Timeout);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartupFailure_StopsHost_ReasonLoggedOnce()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(a => a.WithActors((_, _) => throw new InvalidOperationException("kaboom-42")), logs);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        Task stopping = HostFixture.WhenCancelled(lifetime.ApplicationStopping);

        await host.StartAsync();
        await stopping.WaitAsync(HostFixture.Timeout);
        await host.StopAsync();

        var failure = await Assert.ThrowsAsync<ActorSystemStartupException>(() => host.Services.GetRequiredService<ActorRegistry>().GetAsync<Greeter>());
        Assert.Equal(ActorsExitCodes.StartupFailed, failure.ExitCode);
        int mentions = logs.Entries.Count(e => e.Message.Contains("kaboom-42", StringComparison.Ordinal) || (e.Exception?.Message.Contains("kaboom-42", StringComparison.Ordinal) ?? false));
        Assert.Equal(1, mentions);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("kaboom-42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnvironmentVariables_MapOntoActorsKeys()
    {
        string prefix = $"T{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "ACTORS__ASK_TIMEOUT", "3s");
        Environment.SetEnvironmentVariable(prefix + "ACTORS__LOG_DEAD_LETTERS", "4");
        Environment.SetEnvironmentVariable(prefix + "ACTORS__DISPATCHERS__DEFAULT_DISPATCHER__THROUGHPUT", "7");
        try
        {
            IConfiguration configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var hocon = ConfigurationHoconMapper.ToConfig(configuration);
            Assert.Equal(TimeSpan.FromSeconds(3), hocon.GetTimeSpan("actors.ask-timeout"));
            Assert.Contains("ACTORS__ASK_TIMEOUT", hocon.GetOrigin("actors.ask-timeout")!.Description, StringComparison.Ordinal);

            var logs = new CapturingLoggerProvider();
            using IHost host = HostFixture.Build(a => a.WithConfiguration(configuration).AddHocon("actors.ask-timeout = 9s"), logs);
            await host.StartAsync();
            ActorSystemOptions settings = host.Services.GetRequiredService<ActorSystem>().Settings;

            Assert.Equal(TimeSpan.FromSeconds(3), settings.AskTimeout);
            Assert.Equal(4, settings.LogDeadLetters);
            Assert.Equal(7, settings.Throughput);
            await host.StopAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ACTORS__ASK_TIMEOUT", null);
            Environment.SetEnvironmentVariable(prefix + "ACTORS__LOG_DEAD_LETTERS", null);
            Environment.SetEnvironmentVariable(prefix + "ACTORS__DISPATCHERS__DEFAULT_DISPATCHER__THROUGHPUT", null);
        }
    }

    [Fact]
    public void ToHoconPath_MapsSeparatorsAndUnderscores()
    {
        Assert.Equal("\"actors\".\"log-dead-letters\"", ConfigurationHoconMapper.ToHoconPath("ACTORS:LOG_DEAD_LETTERS"));
    }

    [Fact]
    public async Task ActorLogs_FlowThroughILogger_WithStructuredProperties()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(a => a.WithActors((system, registry) => registry.Register<Greeter>(system.ActorOf(Props.Create(() => new Greeter()), "greeter"))), logs);
        await host.StartAsync();
        IActorRef greeter = await host.Services.GetRequiredService<IRequiredActor<Greeter>>().GetAsync();

        await greeter.Ask<string>("bob");

        var entry = await logs.WaitFor(e => e.Message == "Greeting bob", HostFixture.Timeout);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.EndsWith("/user/greeter", (string)entry.Properties["ActorPath"]!, StringComparison.Ordinal);
        Assert.Equal("String", entry.Properties["MessageType"]);
        Assert.Equal("bob", entry.Properties["Name"]);
        Assert.Equal("Greeting {Name}", entry.Properties["{OriginalFormat}"]);
        Assert.Equal(typeof(Greeter).FullName, entry.Category);
        await host.StopAsync();
    }

    [Fact]
    public async Task UnknownKey_LoggedAsWarningThroughILogger()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(a => a.AddHocon("actors.hosting.required-actor-timout = 1s"), logs);
        await host.StartAsync();

        var entry = await logs.WaitFor(e => e.Message.Contains("Unknown configuration key", StringComparison.Ordinal), HostFixture.Timeout);

        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("'actors.hosting.required-actor-timout' at AddHocon #1:1:", entry.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'actors.hosting.required-actor-timeout'", entry.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task HealthCheck_RegisteredByDefault_FollowsTheSystem()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(_ => { }, logs);
        var health = host.Services.GetRequiredService<HealthCheckService>();

        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);
        await host.StartAsync();
        HealthReport running = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, running.Entries[ActorsServiceCollectionExtensions.HealthCheckName].Status);
        await host.StopAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Status);
    }

    [Fact]
    public void HealthCheck_OptOut_IsNotRegistered()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = HostFixture.Build(a => a.WithoutHealthCheck(), logs);

        Assert.Null(host.Services.GetService<HealthCheckService>());
    }
}
