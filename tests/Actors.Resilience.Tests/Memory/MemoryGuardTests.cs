using Actors.Resilience.Memory;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Memory;

/// <summary>
/// The memory guard on virtual time. Its sampling timer is periodic (10 s), so time moves in 10 s steps. Each action is
/// journaled and published as a <see cref="MemoryAction"/> after the guard has told the regions (and published
/// <see cref="MemoryPressureChanged"/>), so a test that has seen the action knows the regions have the news in their mailboxes.
/// </summary>
public sealed class MemoryGuardTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime, IDisposable
{
    private readonly ManualResetEventSlim _stopGate = new(true);
    private static readonly TimeSpan s_sample = TimeSpan.FromSeconds(10);
    private readonly FakeMemoryProbe _memory = new();
    private TestProbe _actions = null!;
    private TestProbe _events = null!;
    private TestProbe _starts = null!;
    private ResilienceRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _actions = Subscribe<MemoryAction>();
        _events = SubscribeUnitEvents();
        _starts = CreateTestProbe("starts");
        ResilienceOptions options = FakeOptions(memory: _memory);
        options.Memory.PassivateIdleAfter = TimeSpan.FromSeconds(30);
        IActorRef starts = _starts.Ref;
        options.Kinds.Add(new UnitKindOptions("feed", id => FlakyWorker.Props(id, starts)));
        options.Kinds.Add(new UnitKindOptions("session", id => FlakyWorker.Props(id, starts)) { Critical = true });
        options.Kinds.Add(new UnitKindOptions("slow", id => SlowStopWorker.Props(id, _stopGate)));
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WorkloadMemory_Published_ListedByTheGuardAndTheAggregator_LatestPerOwner()
    {
        Sys.EventStream.Publish(new WorkloadMemory("prediction/b", 10, 1, 100));
        Sys.EventStream.Publish(new WorkloadMemory("prediction/a", 20, 2, 200));
        Sys.EventStream.Publish(new WorkloadMemory("prediction/b", 0, 0, 150));

        // Both subscribed before they started; a later ask is answered after the events in their mailboxes.
        MemoryStatus status = await StatusAsync();
        Actors.Resilience.Health.HealthSnapshot snapshot = await _runtime.Health.Ask<Actors.Resilience.Health.HealthSnapshot>(Actors.Resilience.Health.GetHealthSnapshot.Instance, Signal);
        HealthDetails details = await new HealthOperations(_runtime).GetDetailed();

        WorkloadMemory[] expected = [new("prediction/a", 20, 2, 200), new("prediction/b", 0, 0, 150)];
        Assert.Equal(expected, status.Workloads);
        Assert.Equal(expected, snapshot.Workloads);
        Assert.Equal(expected, details.Workloads);
    }

    void IDisposable.Dispose()
    {
        _stopGate.Set();
        Dispose();
        _stopGate.Dispose();
    }

    private async Task<object> SendAsync(string kind, string id, string message)
    {
        Send(_runtime, kind, id, message, TestActor);
        return await ExpectMsgAsync<object>(Signal);
    }

    private Task<MemoryStatus> StatusAsync() => _runtime.Memory.Ask<MemoryStatus>(GetMemoryStatus.Instance, Signal);

    private async Task<MemoryAction> ExpectActionAsync(MemoryActionKind kind)
    {
        MemoryAction action = await _actions.ExpectMsgAsync<MemoryAction>(Signal);
        Assert.Equal(kind, action.Kind);
        return action;
    }

    [Fact]
    public async Task Sample_AboveSoftThreshold_CleansUpOnceThenWaitsForTheCooldown()
    {
        _memory.Ratio = 0.8;
        Advance(s_sample);
        var first = await ExpectActionAsync(MemoryActionKind.Cleanup);
        Assert.Equal(MemoryActionTrigger.Automatic, first.Trigger);
        Assert.Equal(0.8, first.Ratio, 6);
        Assert.Equal(1, _memory.Compactions);
        Assert.Equal(Scheduler.Now, (await StatusAsync()).LastCleanup);

        // 110 s more, one sample every 10 s: within the 2-minute cooldown, nothing runs.
        AdvanceInSteps(TimeSpan.FromSeconds(110), s_sample);
        await StatusAsync();                 // every tick sent so far has been handled...
        var status = await StatusAsync();    // ...and so has anything a tick told the guard itself
        Assert.Single(status.Actions);
        Assert.Equal(1, _memory.Compactions);

        Advance(s_sample);
        Assert.Equal(MemoryActionTrigger.Automatic, (await ExpectActionAsync(MemoryActionKind.Cleanup)).Trigger);
        Assert.Equal(2, _memory.Compactions);
    }

    [Fact]
    public async Task Cleanup_AutomaticWithinCooldown_IsJournaledAsSkipped()
    {
        _memory.Ratio = 0.8;
        Advance(s_sample);
        await ExpectActionAsync(MemoryActionKind.Cleanup);
        _runtime.Memory.Tell(new RunMemoryCleanup(MemoryActionTrigger.Automatic), TestActor);
        var skipped = await ExpectMsgAsync<MemoryAction>(Signal);
        Assert.Equal(MemoryActionKind.CleanupSkipped, skipped.Kind);
        Assert.Contains("cooldown 120 s", skipped.Detail, StringComparison.Ordinal);
        Assert.Equal(1, _memory.Compactions);
    }

    [Fact]
    public async Task Sample_AboveHardThreshold_StopsNonCriticalRefusesNewWorkUntilBelowSoft()
    {
        Assert.Equal("BTC:hi", await SendAsync("feed", "BTC", "hi"));
        Assert.Equal("s1:hi", await SendAsync("session", "s1", "hi"));

        _memory.Ratio = 0.95;
        Advance(s_sample);
        await ExpectActionAsync(MemoryActionKind.Emergency);
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.Stopped);

        var units = new UnitOperations(_runtime);
        Assert.Empty((await units.List("feed"))!.Instances);
        Assert.Single((await units.List("session"))!.Instances);

        var refused = Assert.IsType<Overloaded>(await SendAsync("feed", "ETH", "hi"));
        Assert.Equal(TimeSpan.FromSeconds(10), refused.RetryAfter);
        Assert.IsType<Overloaded>(await SendAsync("feed", "BTC", "hi"));
        Assert.IsType<Overloaded>(await SendAsync("session", "s2", "hi"));
        Assert.Equal("s1:still", await SendAsync("session", "s1", "still"));

        // Still above the hard threshold: no second emergency while overloaded.
        Advance(s_sample);
        Assert.Single((await StatusAsync()).Actions);

        // Between the thresholds: cleanup runs, work is still refused.
        _memory.Ratio = 0.8;
        Advance(s_sample);
        await ExpectActionAsync(MemoryActionKind.Cleanup);
        Assert.IsType<Overloaded>(await SendAsync("feed", "ETH", "hi"));

        _memory.Ratio = 0.5;
        Advance(s_sample);
        await ExpectActionAsync(MemoryActionKind.Recovered);
        Assert.Equal("ETH:hi", await SendAsync("feed", "ETH", "hi"));

        var status = await new MemoryOperations(_runtime).Get();
        Assert.False(status.Overloaded);
        Assert.Equal([MemoryActionKind.Emergency, MemoryActionKind.Cleanup, MemoryActionKind.Recovered], status.Actions.Select(a => a.Kind));
    }

    [Fact]
    public async Task Operations_ManualCleanupAndEmergency_UseTheGuardsOwnPathAndJournal()
    {
        Assert.Equal("BTC:hi", await SendAsync("feed", "BTC", "hi"));
        var ops = new MemoryOperations(_runtime);

        Advance(TimeSpan.FromSeconds(30));
        var cleanup = await ops.Cleanup();
        Assert.Equal(MemoryActionKind.Cleanup, cleanup.Kind);
        Assert.Equal(MemoryActionTrigger.Manual, cleanup.Trigger);
        Assert.Equal(MemoryActionKind.Cleanup, (await ops.Cleanup()).Kind); // manual ignores the cooldown
        Assert.Equal(2, _memory.Compactions);
        Assert.Empty((await new UnitOperations(_runtime).List("feed"))!.Instances); // idle for 30 s: passivated
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.Stopped);

        var emergency = await ops.Emergency();
        Assert.Equal(MemoryActionKind.Emergency, emergency.Kind);
        Assert.True((await ops.Get()).Overloaded);
        Assert.IsType<Overloaded>(await SendAsync("feed", "BTC", "hi"));

        Advance(s_sample); // the next sample is below the soft threshold
        await _actions.FishForMessageAsync<MemoryAction>(a => a.Kind == MemoryActionKind.Recovered, Signal);
        Assert.False((await ops.Get()).Overloaded);
        Assert.Equal(
            [MemoryActionKind.Cleanup, MemoryActionKind.Cleanup, MemoryActionKind.Emergency, MemoryActionKind.Recovered],
            (await ops.Get()).Actions.Select(a => a.Kind));
    }

    [Fact]
    public async Task Emergency_MessageForAnInstanceBeingStopped_IsRefusedNotRecreated()
    {
        Assert.Equal("BTC:hi", await SendAsync("feed", "BTC", "hi"));
        await new MemoryOperations(_runtime).Emergency();

        // Whether it arrives while BTC is still stopping or after, the answer is the same: no new instance.
        Assert.IsType<Overloaded>(await SendAsync("feed", "BTC", "again"));
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.Stopped);
        Assert.Empty((await new UnitOperations(_runtime).List("feed"))!.Instances);
        await _starts.FishForMessageAsync<string>(s => s == "started:BTC", Signal);
        await _starts.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Emergency_MessageWhileTheInstanceIsStillStopping_IsRefusedWhenItHasStopped()
    {
        Assert.Equal("X:hi", await SendAsync("slow", "X", "hi"));
        _stopGate.Reset(); // X's worker, once told to stop, waits: X stays "stopping"
        await new MemoryOperations(_runtime).Emergency();

        Send(_runtime, "slow", "X", "again", TestActor);
        IActorRef region = (await _runtime.GetRegionAsync("slow"))!;
        Assert.Empty((await region.Ask<UnitInstanceList>(ListUnitInstances.Instance, Signal)).Instances); // the region holds it for X's next incarnation
        _stopGate.Set();

        // X has stopped; while the emergency lasts its next incarnation is not created: the held message is refused.
        Assert.IsType<Overloaded>(await ExpectMsgAsync<object>(Signal));
        Assert.Empty((await region.Ask<UnitInstanceList>(ListUnitInstances.Instance, Signal)).Instances);
    }

    [Fact]
    public async Task Journal_MoreActionsThanCapacity_KeepsTheNewest()
    {
        var ops = new MemoryOperations(_runtime);
        for (int i = 0; i < 105; i++)
        {
            await ops.Cleanup();
        }

        var status = await ops.Get();
        Assert.Equal(100, status.Actions.Count);
        Assert.Equal(6, status.Actions[0].Sequence);
        Assert.Equal(105, status.Actions[^1].Sequence);
    }

    [Fact]
    public async Task Guard_ProbeThrows_GuardIsRestartedAndKeepsSampling()
    {
        _memory.ThrowOnNextSample();
        Advance(s_sample);
        await _memory.Thrown.Task.WaitAsync(Signal);
        // The user guardian restarted it (same reference, timers armed again in PreStart): the status question is answered.
        await StatusAsync();
        _memory.Ratio = 0.8;
        Advance(s_sample);
        await ExpectActionAsync(MemoryActionKind.Cleanup);
    }

    [Fact]
    public async Task RegisterUnitKind_DuringAnEmergency_NewKindRefusesNewInstancesToo()
    {
        var ops = new MemoryOperations(_runtime);
        await ops.Emergency();
        Assert.True((await ops.Get()).Overloaded);

        // The new kind's region was not there when the emergency was published: it asks the guard when it starts.
        IActorRef region = await _runtime.RegisterUnitKindAsync(new UnitKindOptions("late", id => FlakyWorker.Props(id, _starts.Ref)));
        // Barriers, in causal order: the region has started (and asked the guard), the guard has answered it, the
        // region has handled the answer.
        await region.Ask<UnitInstanceList>(ListUnitInstances.Instance, Signal);
        await StatusAsync();
        await region.Ask<UnitInstanceList>(ListUnitInstances.Instance, Signal);
        Assert.IsType<Overloaded>(await SendAsync("late", "a", "hi"));
        await _starts.ExpectNoMsgAsync(Quiet);
    }
}
