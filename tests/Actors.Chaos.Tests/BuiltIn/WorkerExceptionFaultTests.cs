using Actors.Chaos.BuiltIn;
using Actors.Chaos.Configuration;
using Actors.Chaos.Faults;
using Actors.Chaos.Monkey;
using Actors.Chaos.Tests.Support;
using Actors.Resilience;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Chaos.Tests.BuiltIn;

public sealed class WorkerExceptionFaultTests(ITestOutputHelper output) : ChaosTestKit(output)
{
    private async Task<ResilienceRuntime> RunningUnitsAsync(TestProbe events)
    {
        var options = new ResilienceOptions();
        options.Health.Probe = new FakeResourceProbe();
        options.Memory.Probe = new FakeMemoryProbe();
        options.Kinds.Add(new UnitKindOptions("plain", EchoWorker.Props) { MinBackoff = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromSeconds(30), RandomFactor = 0 });
        options.Kinds.Add(new UnitKindOptions("vital", EchoWorker.Props) { Critical = true });
        options.Kinds.Add(new UnitKindOptions("spared", EchoWorker.Props));
        ResilienceRuntime runtime = ResilienceRuntime.Start(Sys, options);
        foreach (string kind in new[] { "plain", "vital", "spared" })
        {
            runtime.Tell(new UnitMessage(kind, "a", "hello"), TestActor);
            await ExpectMsgAsync("hello");
            await events.FishForMessageAsync<UnitStateChanged>(c => c.Kind == kind && c.State == UnitState.Running, Signal);
        }

        return runtime;
    }

    [Fact]
    public async Task Monkey_WorkerException_FailsTheRunningNonCriticalWorker_WhichRestartsAfterItsBackoff_AndSparesCriticalAndExcludedKinds()
    {
        TestProbe events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(UnitStateChanged));
        Sys.EventStream.Subscribe(events.Ref, typeof(UnitRetryScheduled));
        ResilienceRuntime runtime = await RunningUnitsAsync(events);
        var options = new ChaosOptions { RatePerSecond = 1, Seed = 1 };
        options.WorkerException.ExcludeKinds.Add("spared");
        options.AddFault(new WorkerExceptionFault(options.WorkerException));
        TestProbe injections = SubscribeInjections();
        IActorRef monkey = await StartedMonkeyAsync(options);

        ChaosInjectionRecord first = (await TickAsync(injections, 1, TimeSpan.FromSeconds(1)))[0];

        Assert.Equal((ChaosInjectionOutcome.Injected, "plain/a"), (first.Outcome, first.Target));
        await events.FishForMessageAsync<UnitRetryScheduled>(r => r.Kind == "plain" && r.Attempt == 1, Signal);
        UnitStateChanged down = await events.FishForMessageAsync<UnitStateChanged>(c => c.Kind == "plain" && c.State == UnitState.BackingOff, Signal);
        Assert.Equal("ChaosException: injected by chaos into plain/a", down.Reason);

        // While plain/a backs off nothing else may be hit: the critical and the excluded kinds are never chosen.
        IReadOnlyList<ChaosInjectionRecord> next = await TickAsync(injections, 5, TimeSpan.FromSeconds(1));
        Assert.All(next, r => Assert.Equal(ChaosInjectionOutcome.Skipped, r.Outcome));
        var units = new UnitOperations(runtime);
        Assert.Equal(0, (await units.Get("vital", "a"))!.Failures);
        Assert.Equal(0, (await units.Get("spared", "a"))!.Failures);

        // Chaos stops (else a tick could hit the instance again as soon as it runs); the backoff (30 s) ends: the same
        // instance runs again, having failed once.
        await monkey.Ask<ChaosStatus>(StopChaos.Instance, Signal);
        Scheduler.Advance(TimeSpan.FromSeconds(25)); // failed at 1 s, backoff 30 s: due at 31 s; the clock is at 6 s
        await events.FishForMessageAsync<UnitStateChanged>(c => c.Kind == "plain" && c.State == UnitState.Running, Signal);
        UnitInstanceInfo plain = (await units.Get("plain", "a"))!;
        Assert.Equal((UnitState.Running, 1L), (plain.State, plain.Failures));
    }

    [Fact]
    public async Task InjectAsync_NoRunningInstance_IsSkipped()
    {
        var options = new ResilienceOptions();
        options.Health.Probe = new FakeResourceProbe();
        options.Memory.Probe = new FakeMemoryProbe();
        options.Kinds.Add(new UnitKindOptions("plain", EchoWorker.Props));
        ResilienceRuntime.Start(Sys, options);
        var fault = new WorkerExceptionFault(new WorkerExceptionOptions());

        ChaosInjection result = await fault.InjectAsync(new ChaosContext(Sys, new Random(1), Scheduler.Now, CancellationToken.None));

        Assert.False(result.Injected);
        Assert.Contains("no running instance", result.Detail, StringComparison.Ordinal);
    }
}
