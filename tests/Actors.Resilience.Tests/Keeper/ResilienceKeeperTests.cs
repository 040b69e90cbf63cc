using Actors.Resilience.Errors;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Actors.Resilience.Operations;
using Actors.Resilience.Supervision;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.Event;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Keeper;

/// <summary>
/// Regression (fixed in d33f693): an operator's stop of <c>/user/health</c>, <c>/user/errors</c> or <c>/user/memory</c>
/// froze <c>GET /health</c> (asks to a dead actor timed out into stale numbers). The keeper recreates them; the
/// runtime points at the new incarnation; a recreated aggregator relearns the live instances.
/// </summary>
public sealed class ResilienceKeeperTests(ITestOutputHelper output) : ResilienceTestKit(output)
{
    private TestProbe _warnings = null!;
    private TestProbe _events = null!;

    private async Task<ResilienceRuntime> StartWithSessionsAsync(Action<ResilienceOptions>? configure = null, FakeResourceProbe? resources = null)
    {
        _warnings = Subscribe<Warning>();
        _events = SubscribeUnitEvents();
        IActorRef starts = CreateTestProbe().Ref;
        ResilienceOptions options = FakeOptions(resources);
        options.Kinds.Add(new UnitKindOptions("session", id => FlakyWorker.Props(id, starts)));
        configure?.Invoke(options);
        return await StartAsync(options);
    }

    /// <summary>
    /// Waits for the keeper's warning that it recreated <paramref name="name"/>. The keeper retries on its next turns
    /// while the user guardian has not yet released the name, then on a 100 ms timer (virtual): if the warning is late,
    /// the timer is advanced.
    /// </summary>
    private async Task ExpectRecreatedAsync(string name)
    {
        string text = $"/user/{name} stopped; the resilience keeper recreated it";
        for (int attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                await _warnings.FishForMessageAsync<Warning>(w => w.Message.ToString()!.StartsWith(text, StringComparison.Ordinal), TimeSpan.FromSeconds(1));
                return;
            }
            catch (Exception) // the fishing timed out (an assertion failure)
            {
                Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.Fail($"the keeper did not recreate /user/{name}");
    }

    private async Task RunningAsync(ResilienceRuntime runtime, string id)
    {
        Send(runtime, "session", id, "hi", TestActor);
        await ExpectMsgAsync($"{id}:hi");
        await ExpectStateAsync(_events, runtime, "session", id, UnitState.Running);
    }

    /// <summary>
    /// The recreated aggregator asks <c>/user/units</c> for the live instances in its PreStart: once it has answered a
    /// question, and the guardian and then the region have too, their answers to it are in its mailbox.
    /// </summary>
    private async Task RelearnedAsync(ResilienceRuntime runtime)
    {
        await runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, Signal);
        await runtime.Units.Ask<UnitRegions>(GetUnitRegions.Instance, Signal);
        await (await runtime.GetRegionAsync("session"))!.Ask<UnitInstanceList>(ListUnitInstances.Instance, Signal);
    }

    [Fact]
    public async Task SysStop_Health_IsRecreated_SummaryIsFreshAndKnowsTheRunningInstances()
    {
        ResilienceRuntime runtime = await StartWithSessionsAsync();
        await RunningAsync(runtime, "a");
        await RunningAsync(runtime, "b");
        IActorRef first = runtime.Health;

        Sys.Stop(first);
        await ExpectRecreatedAsync("health");
        Assert.NotEqual(first, runtime.Health);
        Assert.Equal(runtime.Health, await Sys.ActorSelection("/user/health").ResolveOne(Signal));

        await RelearnedAsync(runtime);
        Advance(TimeSpan.FromSeconds(3));
        HealthSummary summary = await new HealthOperations(runtime).GetSummary();
        Assert.False(summary.Stale);
        Assert.Equal((2, 2, 0.0), (summary.TotalInstances, summary.ActiveConnections, summary.AgeSeconds));
        Assert.Equal(Scheduler.Now, summary.AsOf);
        Assert.Equal("healthy", summary.Status);
    }

    [Fact]
    public async Task PoisonPill_Health_IsRecreated_AndFollowsNewEvents()
    {
        ResilienceRuntime runtime = await StartWithSessionsAsync();
        IActorRef first = runtime.Health;
        first.Tell(PoisonPill.Instance);
        await ExpectRecreatedAsync("health");
        await RelearnedAsync(runtime);

        await RunningAsync(runtime, "late");
        var snapshot = await runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, Signal);
        Assert.Equal("late", Assert.Single(snapshot.Instances).Id);
        Assert.Same(snapshot, runtime.HealthSource.Current); // the new incarnation publishes into the same source
    }

    [Fact]
    public async Task Kill_Health_IsRecreated()
    {
        ResilienceRuntime runtime = await StartWithSessionsAsync();
        IActorRef first = runtime.Health;
        first.Tell(Kill.Instance); // ActorKilledException: the user guardian stops it
        await ExpectRecreatedAsync("health");
        Assert.NotEqual(first, runtime.Health);
        Assert.False((await new HealthOperations(runtime).GetSummary()).Stale);
    }

    [Fact]
    public async Task Stop_ErrorsAndMemory_AreRecreated_AndServeTheirOperations()
    {
        ResilienceRuntime runtime = await StartWithSessionsAsync();
        IActorRef errors = runtime.Errors;
        IActorRef memory = runtime.Memory;
        errors.Tell(PoisonPill.Instance);
        await ExpectRecreatedAsync("errors");
        Sys.Stop(memory);
        await ExpectRecreatedAsync("memory");
        Assert.NotEqual(errors, runtime.Errors);
        Assert.NotEqual(memory, runtime.Memory);
        await ReadyAsync(runtime);

        // The new journal records new failures; the new guard samples on its own timer.
        Send(runtime, "session", "a", "boom", TestActor);
        await ExpectStateAsync(_events, runtime, "session", "a", UnitState.BackingOff);
        ErrorStatsView stats = await new ErrorOperations(runtime).Stats();
        Assert.Equal(1, stats.Total);
        var actions = Subscribe<MemoryAction>();
        ((FakeMemoryProbe)runtime.Options.Memory.Probe!).Ratio = 0.8;
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(MemoryActionKind.Cleanup, (await actions.ExpectMsgAsync<MemoryAction>(Signal)).Kind);
    }

    [Fact]
    public async Task Throwing_HealthAndErrors_AreRestartedInPlaceAndKeepListening()
    {
        ResilienceRuntime runtime = await StartWithSessionsAsync();
        IActorRef health = runtime.Health;
        IActorRef errors = runtime.Errors;
        TestProbe watcher = CreateTestProbe();
        watcher.Watch(health);
        watcher.Watch(errors);

        Sys.EventStream.Publish(new ActorFailed(null!, ActorRefs.Nobody, new InvalidOperationException("bad event"), Directive.Restart)); // both throw
        await ReadyAsync(runtime);
        Assert.Equal((health, errors), (runtime.Health, runtime.Errors)); // restarted by the user guardian, not recreated

        Send(runtime, "session", "a", "boom", TestActor);
        await ExpectStateAsync(_events, runtime, "session", "a", UnitState.BackingOff);
        Assert.Equal(1, (await new ErrorOperations(runtime).Stats()).Total);
        Assert.Equal(1, (await new HealthOperations(runtime).GetSummary()).TotalRecentFailures);
        await watcher.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task GetSummary_AggregatorDoesNotAnswerInTime_ServesTheLastPublishedSnapshotMarkedStale()
    {
        var resources = new FakeResourceProbe();
        ResilienceRuntime runtime = await StartWithSessionsAsync(o => o.OperationTimeout = TimeSpan.FromMilliseconds(300), resources);
        DateTimeOffset published = runtime.HealthSource.Current.Time;
        Assert.Equal(Scheduler.Now, published);

        using var gate = new ManualResetEventSlim(false);
        resources.Gate = gate;
        Advance(TimeSpan.FromSeconds(5));  // the sample tick: the aggregator is busy in the probe
        await resources.Entered.Task.WaitAsync(Signal);
        try
        {
            // The ask times out in real time (300 ms); the answer is the last published snapshot, 5 s old by the clock.
            HealthSummary stale = await new HealthOperations(runtime).GetSummary();
            Assert.True(stale.Stale);
            Assert.Equal((published, 5.0), (stale.AsOf, stale.AgeSeconds));
            HealthDetails details = await new HealthOperations(runtime).GetDetailed();
            Assert.True(details.Summary.Stale);
            Assert.Equal(published, details.Time);
        }
        finally
        {
            resources.Gate = null;
            gate.Set();
        }

        HealthSummary fresh = await new HealthOperations(runtime).GetSummary();
        Assert.Equal((false, Scheduler.Now, 0.0), (fresh.Stale, fresh.AsOf, fresh.AgeSeconds));
    }

    [Fact]
    public void ToSummary_AgeIsMeasuredFromTheSnapshotTime_EmptySnapshotHasNoAge()
    {
        DateTimeOffset t = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        HealthSnapshot snapshot = HealthSnapshot.Empty with { Time = t };
        Assert.Equal(90, HealthOperations.ToSummary(snapshot, t.AddSeconds(90)).AgeSeconds);
        Assert.Equal(0, HealthOperations.ToSummary(snapshot, t.AddSeconds(-5)).AgeSeconds);
        Assert.Equal(0, HealthOperations.ToSummary(snapshot).AgeSeconds);
        Assert.Equal(0, HealthOperations.ToSummary(HealthSnapshot.Empty, t).AgeSeconds);
        Assert.True(HealthOperations.ToSummary(snapshot, t, stale: true).Stale);
    }

    [Fact]
    public async Task Get_Runtime_IsFoundFromTheSystem_AndASecondStartIsRefused()
    {
        ResilienceRuntime runtime = await StartWithSessionsAsync();
        Assert.Same(runtime, ResilienceRuntime.Get(Sys));
        Assert.Throws<InvalidOperationException>(() => ResilienceRuntime.Start(Sys, FakeOptions()));
    }
}
