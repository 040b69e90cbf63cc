using Actors.Resilience.Breaker;
using Actors.Resilience.Errors;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>Routine passivation keeps recovering instances; the journal and the aggregator agree with what the workers threw.</summary>
public sealed class PassivationAndAgreementTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private readonly ConnectGate _gate = new(open: false);
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _events = SubscribeUnitEvents();
        IActorRef log = CreateTestProbe().Ref;
        ResilienceOptions options = FakeOptions();
        options.Memory.PassivateIdleAfter = TimeSpan.FromSeconds(30);
        options.Health.RecentFailureWindow = TimeSpan.FromMinutes(10);
        options.Kinds.Add(new UnitKindOptions("session", id => id.StartsWith("bad", StringComparison.Ordinal) ? GatedWorker.Props(id, log, _gate) : FlakyWorker.Props(id, log))
        {
            MinBackoff = TimeSpan.FromMinutes(5),
            MaxBackoff = TimeSpan.FromMinutes(10),
            RandomFactor = 0,
            PassivateAfter = TimeSpan.FromMinutes(1),
            Breaker = new CircuitBreakerOptions { MaxFailures = 10, ResetTimeout = TimeSpan.FromMinutes(30) },
        });
        options.Kinds.Add(new UnitKindOptions("feed", id => GatedWorker.Props(id, log, _gate))
        {
            RandomFactor = 0,
            PassivateAfter = TimeSpan.FromMinutes(1),
            Breaker = new CircuitBreakerOptions { MaxFailures = 1, ResetTimeout = TimeSpan.FromMinutes(30) },
        });
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Passivate_Routine_StopsIdleInstances_KeepsThoseBackingOffOrCircuitOpen_CleanupDoesNot()
    {
        Send(_runtime, "session", "ok", "hi", TestActor);
        await ExpectMsgAsync("ok:hi");
        await ExpectStateAsync(_events, _runtime, "session", "ok", UnitState.Running);
        Send(_runtime, "session", "bad", "hi", ActorRefs.Nobody);
        await ExpectStateAsync(_events, _runtime, "session", "bad", UnitState.BackingOff);  // restart in 5 minutes
        Send(_runtime, "feed", "x", "hi", ActorRefs.Nobody);
        await ExpectStateAsync(_events, _runtime, "feed", "x", UnitState.CircuitOpen);      // open for 30 minutes

        Advance(TimeSpan.FromSeconds(30));
        Advance(TimeSpan.FromSeconds(30)); // two passivation ticks: everything idle for a minute
        await ExpectStateAsync(_events, _runtime, "session", "ok", UnitState.Stopped);
        var units = new UnitOperations(_runtime);
        Assert.Equal(["bad"], (await units.List("session"))!.Instances.Select(i => i.Id));
        Assert.Equal(["x"], (await units.List("feed"))!.Instances.Select(i => i.Id));

        // Memory cleanup passivates idle instances whatever their state. "bad" still held the message that created it: it
        // goes to bad's next incarnation (created for it), so only that one comes back.
        DateTimeOffset firstBad = (await units.List("session"))!.Instances[0].Created;
        await new MemoryOperations(_runtime).Cleanup();
        Assert.Empty((await units.List("feed"))!.Instances);
        await ExpectStateAsync(_events, _runtime, "session", "bad", UnitState.Stopped);
        await _events.FishForMessageAsync<UnitStateChanged>(c => c.Id == "bad" && c.State == UnitState.Starting && c.Previous is null, Signal);
        UnitInstanceSummary again = Assert.Single((await units.List("session"))!.Instances);
        Assert.Equal("bad", again.Id);
        Assert.True(again.Created > firstBad || again.Created == Scheduler.Now);
    }

    [Fact]
    public async Task Passivate_RecentlyUsedInstance_IsKept()
    {
        Send(_runtime, "session", "a", "1", TestActor);
        await ExpectMsgAsync("a:1");
        Advance(TimeSpan.FromSeconds(30));
        Send(_runtime, "session", "a", "2", TestActor);
        await ExpectMsgAsync("a:2");
        Advance(TimeSpan.FromSeconds(30)); // idle for 30 s only
        Assert.Single((await new UnitOperations(_runtime).List("session"))!.Instances);
    }

    [Fact]
    public async Task Failures_CountedInTheWorkers_AgreeWithTheJournalAndTheAggregator()
    {
        // Each "boom" throws once in a worker; each failed start of "bad" throws once (IOException).
        TestProbe retries = Subscribe<UnitRetryScheduled>(); // its own probe: fishing one stream must not eat the other's events
        string[] ids = ["a", "b", "c"];
        int thrown = 0;
        foreach (string id in ids)
        {
            Send(_runtime, "session", id, "hi", TestActor);
            await ExpectMsgAsync($"{id}:hi");
        }

        Send(_runtime, "session", "a", "boom", TestActor);
        thrown++;
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.BackingOff);
        Send(_runtime, "session", "b", "boom", TestActor);
        thrown++;
        await ExpectStateAsync(_events, _runtime, "session", "b", UnitState.BackingOff);
        Send(_runtime, "session", "bad", "hi", ActorRefs.Nobody);
        thrown++;
        await ExpectStateAsync(_events, _runtime, "session", "bad", UnitState.BackingOff);
        Advance(TimeSpan.FromMinutes(5));                       // every instance restarts; bad fails again
        thrown++;
        await retries.FishForMessageAsync<UnitRetryScheduled>(r => r.Id == "bad" && r.Attempt == 2, Signal);
        await InspectAsync(_runtime, "session", "bad");
        await ExpectStateAsync(_events, _runtime, "session", "b", UnitState.Running);
        await InspectAsync(_runtime, "session", "a");

        ErrorStatsView stats = await new ErrorOperations(_runtime).Stats();
        Assert.Equal(thrown, stats.Total);
        Assert.Equal(2, stats.ByExceptionType[typeof(InvalidOperationException).FullName!]);
        Assert.Equal(2, stats.ByExceptionType[typeof(IOException).FullName!]);
        Assert.Equal(thrown, stats.ByDirective["Restart"]);   // the worker restarts in place, after the instance's backoff
        IReadOnlyList<PublicError> tail = await new ErrorOperations(_runtime).Tail(10);
        Assert.Equal(["a", "b", "bad", "bad"], tail.Select(e => e.UnitId).Order());

        HealthSnapshot snapshot = await _runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, Signal);
        Assert.Equal(thrown, snapshot.Totals.RecentFailures);
        Assert.Equal(thrown, snapshot.Instances.Sum(i => i.RecentFailures));
        Assert.Equal(2, snapshot.Instances.Single(i => i.Id == "bad").RecentFailures);
        Assert.Equal("IOException: connection refused for bad", snapshot.Instances.Single(i => i.Id == "bad").LastFailure);
        Assert.Equal(thrown, snapshot.Totals.RetryAttempts);   // every failure here was retried
        HealthSummary summary = await new HealthOperations(_runtime).GetSummary();
        Assert.Equal((thrown, (long)thrown), (summary.TotalRecentFailures, summary.TotalRetryAttempts));
    }
}
