using Actors.Resilience.Supervision;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>
/// <see cref="InjectWorkerFailure"/>: a running worker fails through the normal failure path with the given cause (the
/// supervisor publishes it, the instance backs off and restarts the same worker), without the worker's own code.
/// </summary>
public sealed class InjectWorkerFailureTests(ITestOutputHelper output) : ResilienceTestKit(output)
{
    private async Task<(ResilienceRuntime Runtime, IActorRef Region, TestProbe Events)> RunningAsync()
    {
        TestProbe events = SubscribeUnitEvents();
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("k", AccountingWorker.Props) { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(1), RandomFactor = 0 });
        ResilienceRuntime runtime = await StartAsync(options);
        Send(runtime, "k", "a", new Request(1), TestActor);
        await ExpectMsgAsync<Reply>(r => r.N == 1);
        await ExpectStateAsync(events, runtime, "k", "a", UnitState.Running);
        return (runtime, (await runtime.GetRegionAsync("k"))!, events);
    }

    [Fact]
    public async Task InjectWorkerFailure_RunningWorker_FailsWithTheCause_BacksOffAndRestartsTheSameWorker()
    {
        (ResilienceRuntime runtime, IActorRef region, TestProbe events) = await RunningAsync();
        TestProbe failures = Subscribe<ActorFailed>();
        var cause = new InvalidOperationException("injected");
        IActorRef before = await Sys.ActorSelection("/user/units/k/a/worker").ResolveOne(Signal);

        region.Tell(new InjectWorkerFailure("a", cause), TestActor);

        WorkerFailureInjected answer = await ExpectMsgAsync<WorkerFailureInjected>();
        Assert.True(answer.Injected, answer.Detail);
        ActorFailed failed = await failures.ExpectMsgAsync<ActorFailed>();
        Assert.Same(cause, failed.Cause);
        Assert.Equal(Directive.Restart, failed.Directive);
        UnitStateChanged down = await ExpectStateAsync(events, runtime, "k", "a", UnitState.BackingOff);
        Assert.Equal("InvalidOperationException: injected", down.Reason);
        UnitInstanceInfo info = await InspectAsync(runtime, "k", "a");
        Assert.Equal(1, info.Failures);

        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(events, runtime, "k", "a", UnitState.Running);
        Send(runtime, "k", "a", new Request(2), TestActor);
        await ExpectMsgAsync<Reply>(r => r.N == 2);
        await ExpectNoMsgAsync(Quiet); // nobody was told UnitWorkerFailed: no request of anyone's failed
        IActorRef after = await Sys.ActorSelection("/user/units/k/a/worker").ResolveOne(Signal);
        Assert.Equal(before.Path.Uid, after.Path.Uid); // restarted in place, not stopped and created anew
    }

    [Fact]
    public async Task InjectWorkerFailure_WhileBackingOff_IsRefusedAndNothingFails()
    {
        (ResilienceRuntime runtime, IActorRef region, TestProbe events) = await RunningAsync();
        region.Tell(new InjectWorkerFailure("a", new InvalidOperationException("first")), TestActor);
        Assert.True((await ExpectMsgAsync<WorkerFailureInjected>()).Injected);
        await ExpectStateAsync(events, runtime, "k", "a", UnitState.BackingOff);

        region.Tell(new InjectWorkerFailure("a", new InvalidOperationException("second")), TestActor);

        WorkerFailureInjected refused = await ExpectMsgAsync<WorkerFailureInjected>();
        Assert.False(refused.Injected);
        Assert.Contains("backingoff", refused.Detail, StringComparison.Ordinal);
        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(events, runtime, "k", "a", UnitState.Running);
        Assert.Equal(1, (await InspectAsync(runtime, "k", "a")).Failures);
    }

    [Fact]
    public async Task InjectWorkerFailure_UnknownInstance_AnswersUnitNotFound()
    {
        (_, IActorRef region, _) = await RunningAsync();
        region.Tell(new InjectWorkerFailure("nope", new InvalidOperationException("x")), TestActor);
        Assert.Equal(new UnitNotFound("k", "nope"), await ExpectMsgAsync<UnitNotFound>());
    }

    [Fact]
    public async Task Kill_WithoutInjection_StillStopsTheWorker()
    {
        (ResilienceRuntime runtime, _, TestProbe events) = await RunningAsync();
        IActorRef worker = await Sys.ActorSelection("/user/units/k/a/worker").ResolveOne(Signal);

        worker.Tell(Kill.Instance);

        await events.FishForMessageAsync<UnitStateChanged>(c => c.Id == "a" && c.State == UnitState.Stopped, Signal);
    }
}
