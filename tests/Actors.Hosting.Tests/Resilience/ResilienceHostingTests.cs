using Actors.Resilience;
using Actors.Resilience.Units;
using Akka.Event;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Hosting.Tests.Resilience;

/// <summary>WithResilience, WithUnitKind, the registry key, DI, the health check and actor logs on a real host.</summary>
public sealed class ResilienceHostingTests
{
    [Fact]
    public async Task WithUnitKind_RegistersUnitsInTheActorRegistryAndRuntimeInDi()
    {
        await using TestHost host = TestHost.Build(
            a => a.WithUnitKind("echo", id => Props.Create(() => new EchoWorker(id))),
            services => services.AddResilienceRuntime());
        await host.StartAsync();

        IActorRef units = await host.Host.Services.GetRequiredService<IRequiredActor<ResilienceUnits>>().GetAsync().WaitAsync(TestHost.Timeout);
        ResilienceRuntime runtime = host.Host.Services.GetRequiredService<ResilienceRuntime>();

        Assert.Equal("/user/units", units.Path.ToStringWithoutAddress());
        Assert.Same(ResilienceRuntime.Get(host.System), runtime);
        Assert.Equal("a:hi", await units.Ask<object>(new UnitMessage("echo", "a", "hi"), TestHost.Timeout));
    }

    [Fact]
    public async Task WithUnitKind_SameKindTwice_FailsStartupWith70()
    {
        await using TestHost host = TestHost.Build(a => a
            .WithUnitKind("echo", id => Props.Create(() => new EchoWorker(id)))
            .WithUnitKind("echo", id => Props.Create(() => new EchoWorker(id))));

        Assert.Equal(ActorsExitCodes.StartupFailed, await host.RunAsync());
        Assert.Contains("'echo' was already added", host.Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_AggregatorVerdict_RegisteredBesideAkkaHostingsLiveness()
    {
        await using TestHost host = TestHost.Build(a => a
            .WithActorSystemLivenessCheck()
            .WithResilience()
            .WithResilienceHealthCheck());
        await host.StartAsync();

        HealthReport report = await host.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(TestHost.Timeout);

        Assert.True(report.Entries.Count >= 2, string.Join(", ", report.Entries.Keys));
        HealthReportEntry ours = report.Entries[ResilienceHostingExtensions.HealthCheckName];

        // No instance is unavailable, so only the machine's own load (CPU on a busy CI box) can lower the verdict.
        HealthStatus expected = (string)ours.Data["status"] switch
        {
            "healthy" => HealthStatus.Healthy,
            "warning" => HealthStatus.Degraded,
            _ => HealthStatus.Unhealthy,
        };
        Assert.Equal(expected, ours.Status);
        Assert.Contains("actors", ours.Tags);
        Assert.InRange((int)ours.Data["health_score"], 0, 100);
        Assert.False((bool)ours.Data["stale"]);
        Assert.Contains(report.Entries, e => e.Key != ResilienceHostingExtensions.HealthCheckName && e.Value.Status == HealthStatus.Healthy);
    }

    [Fact]
    public async Task HealthCheck_InstanceBackingOff_Degraded()
    {
        await using TestHost host = TestHost.Build(
            a => a.WithUnitKind("echo", id => Props.Create(() => new EchoWorker(id))).WithResilienceHealthCheck(),
            virtualTime: true);
        await host.StartAsync();
        ResilienceRuntime runtime = ResilienceRuntime.Get(host.System)!;
        Assert.Equal("a:hi", await runtime.Units.Ask<object>(new UnitMessage("echo", "a", "hi"), TestHost.Timeout));
        Task failed = FailureSignal.Next(host.System);

        runtime.Units.Tell(new UnitMessage("echo", "a", "boom"));
        await failed;
        HealthReportEntry ours = default;
        for (int attempt = 0; attempt < 100 && ours.Status != HealthStatus.Degraded; attempt++)
        {
            // The instance reports "backing off" right after the failure is published; ask until the verdict shows it.
            ours = (await host.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(TestHost.Timeout)).Entries[ResilienceHostingExtensions.HealthCheckName];
        }

        Assert.Equal(HealthStatus.Degraded, ours.Status);
        Assert.Equal("warning", ours.Data["status"]);
    }

    [Fact]
    public async Task SerilogLogger_ActorLogsWithTemplate_StructuredEventWithActorPath()
    {
        await using TestHost host = TestHost.Build(a => a.WithActors((system, registry) =>
            registry.Register<Greeter>(system.ActorOf(Props.Create(() => new Greeter()), "greeter"))));
        await host.StartAsync();
        IActorRef greeter = await host.Host.Services.GetRequiredService<IRequiredActor<Greeter>>().GetAsync().WaitAsync(TestHost.Timeout);
        string name = "bob-" + host.Name;

        Assert.Equal("hello " + name, await greeter.Ask<string>(name, TestHost.Timeout));

        Serilog.Events.LogEvent e = await SerilogCapture.Instance.WaitFor(ev => SerilogCapture.Text(ev, "Name") == name, TestHost.Timeout, "Greeting " + name);
        Assert.Equal(Serilog.Events.LogEventLevel.Information, e.Level);
        Assert.Equal("Greeting {Name}", e.MessageTemplate.Text);
        Assert.EndsWith("/user/greeter", SerilogCapture.Text(e, "ActorPath"), StringComparison.Ordinal);
        Assert.Contains(host.Name, SerilogCapture.Text(e, "ActorPath"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SerilogLogger_WorkerFails_StructuredErrorWithActorPathAndMessageType()
    {
        await using TestHost host = TestHost.Build(a => a.WithUnitKind("echo", id => Props.Create(() => new EchoWorker(id))));
        await host.StartAsync();
        ResilienceRuntime runtime = ResilienceRuntime.Get(host.System)!;

        object reply = await runtime.Units.Ask<object>(new UnitMessage("echo", "logged", "boom"), TestHost.Timeout);

        Assert.IsType<UnitWorkerFailed>(reply);
        Serilog.Events.LogEvent e = await SerilogCapture.Instance.WaitFor(
            ev => SerilogCapture.Text(ev, "ActorPath").Contains(host.Name, StringComparison.Ordinal) && SerilogCapture.Text(ev, "MessageType").Length > 0,
            TestHost.Timeout,
            "the worker's failure");
        Assert.Equal(Serilog.Events.LogEventLevel.Error, e.Level);
        Assert.Equal("System.String", SerilogCapture.Text(e, "MessageType"));
        Assert.Equal("boom at logged", SerilogCapture.Text(e, "Reason"));
        // Logged on the supervisor's turn (ActorPath) about the failed worker (LogSource), as Akka logs it.
        Assert.EndsWith("/user/units/echo/logged", SerilogCapture.Text(e, "ActorPath"), StringComparison.Ordinal);
        Assert.Contains("/user/units/echo/logged/worker", SerilogCapture.Text(e, "LogSource"), StringComparison.Ordinal);
        Assert.StartsWith("Actors.Resilience.", SerilogCapture.Text(e, "SourceContext"), StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(e.Exception);
    }
}
