using System.Text.Json;
using System.Threading.Channels;
using Actors.Resilience.Health;
using Actors.Resilience.Operations;
using Actors.Resilience.Supervision;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Health;

/// <summary>
/// The aggregator fed scripted events. Events published from the test thread are in the aggregator's mailbox before any
/// question the test asks afterwards, and so are the ticks <c>Advance</c> sends: a question after them is a barrier.
/// </summary>
public sealed class HealthAggregatorTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private readonly FakeResourceProbe _probe = new() { Next = new ResourceSample(50, 40, 400, 100, 1, 10, 0) };
    private ResilienceRuntime _runtime = null!;

    public async Task InitializeAsync() => _runtime = await StartAsync(FakeOptions(_probe));

    public Task DisposeAsync() => Task.CompletedTask;

    private void State(string id, UnitState state) => Sys.EventStream.Publish(new UnitStateChanged("session", id, state, null, Scheduler.Now, null));

    private void Fail(string id) => Sys.EventStream.Publish(new ActorFailed(
        new PathRef($"/user/units/session/{id}/worker"), new PathRef($"/user/units/session/{id}"), new InvalidOperationException("refused"), Directive.Restart));

    private Task<HealthSnapshot> SnapshotAsync() => _runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, Signal);

    /// <summary>Publishes the script, then asks for a snapshot so the aggregator has handled it before the clock moves.</summary>
    private async Task ScriptAsync()
    {
        State("a", UnitState.Running);
        State("b", UnitState.Running);
        State("c", UnitState.Running);
        Fail("a");
        Fail("a");
        Fail("a");
        Sys.EventStream.Publish(new UnitRetryScheduled("session", "b", 1, TimeSpan.FromSeconds(1)));
        Sys.EventStream.Publish(new UnitRetryScheduled("session", "b", 2, TimeSpan.FromSeconds(2)));
        State("b", UnitState.BackingOff);
        State("c", UnitState.CircuitOpen);
        Sys.EventStream.Publish(new UnitLoadReport("session", 100));
        await SnapshotAsync();
    }

    [Fact]
    public async Task Snapshot_ScriptedFailures_CountsAndScoreFollowTheFormula()
    {
        await ScriptAsync();
        var snapshot = await SnapshotAsync();

        UnitKindHealth t = snapshot.Totals;
        Assert.Equal(3, t.Instances);
        Assert.Equal(1, t.Active);
        Assert.Equal(1, t.BackingOff);
        Assert.Equal(1, t.CircuitOpen);
        // Restarts are counted from the retries scheduled: a unit failure also publishes ActorFailed (directive
        // Restart), and counting both counted every restart twice.
        Assert.Equal(2, t.Restarts);
        Assert.Equal(2, t.RetryAttempts);
        Assert.Equal(3, t.RecentFailures);
        Assert.Equal(1, t.BreakerActivations);
        Assert.Equal(0.03, snapshot.ErrorRate, 6);
        Assert.Equal(Scheduler.Now, snapshot.Time);

        // errors 25·p(0.03, 0.05) = 25·0.2 = 5; unavailable 25·2/3 = 16.67; CPU 10·p(50, 80) = 2.5;
        // memory p(40, 85) = 0; disk p(10, 90) = 0; no handling times; queue 0 → 100 − 24.17 = 75.83 → 76.
        Assert.Equal(76, snapshot.Score);
        Assert.Equal(HealthStatus.Warning, snapshot.Status);
        Assert.Contains(snapshot.Reasons, r => r.Contains("1 of 3 instances have an open circuit", StringComparison.Ordinal));
        Assert.Contains(snapshot.Reasons, r => r.Contains("1 of 3 instances are backing off", StringComparison.Ordinal));

        var a = Assert.Single(snapshot.Instances, i => i.Id == "a");
        Assert.Equal(0, a.Restarts); // failed three times, no retry scheduled in this script
        Assert.Equal(3, a.RecentFailures);
        Assert.Equal("InvalidOperationException: refused", a.LastFailure);
    }

    [Fact]
    public async Task Snapshot_RecentFailureWindowPasses_RecentFailuresAndRateDrop()
    {
        await ScriptAsync();
        Advance(TimeSpan.FromMinutes(5));
        var snapshot = await SnapshotAsync();
        Assert.Equal(0, snapshot.Totals.RecentFailures);
        Assert.Equal(2, snapshot.Totals.Restarts);
        Assert.Equal(0, snapshot.ErrorRate);
    }

    [Fact]
    public async Task Snapshot_StoppedInstance_IsForgottenAfterTheRecentFailureWindow()
    {
        State("gone", UnitState.Running);
        State("gone", UnitState.Stopped);
        var snapshot = await SnapshotAsync();
        Assert.Equal((0, 1), (snapshot.Totals.Instances, snapshot.Totals.Stopped));

        // Forgotten by the first sample (every 5 s) after it has been stopped for longer than 5 minutes.
        AdvanceInSteps(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        Assert.Empty((await SnapshotAsync()).Instances);
    }

    [Fact]
    public async Task Summary_SerializesWithTheHttpFieldNames()
    {
        await ScriptAsync();
        HealthSummary summary = await new HealthOperations(_runtime).GetSummary();
        Assert.True(new HealthSummary("warning", 3, 1, 0, 1, 2, 3, 76).SameNumbersAs(summary), summary.ToString());
        Assert.Equal((Scheduler.Now, 0.0, false), (summary.AsOf, summary.AgeSeconds, summary.Stale));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(summary));
        string[] names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["status", "total_instances", "active_connections", "connecting", "circuit_breaker_activations", "total_retry_attempts", "total_recent_failures", "health_score", "as_of", "age_seconds", "stale"],
            names);
    }

    [Fact]
    public async Task Source_ChangedState_IsPublishedOnThePublishTickForLockFreeReaders()
    {
        var published = Channel.CreateUnbounded<HealthSnapshot>();
        using IDisposable watch = _runtime.HealthSource.Subscribe(published.Writer);
        Assert.Equal(HealthStatus.Healthy, _runtime.HealthSource.Current.Status);
        Assert.Equal(98, _runtime.HealthSource.Current.Score); // CPU 10·p(50, 80) = 2.5 → 97.5 → 98

        State("x", UnitState.CircuitOpen);
        await Assert.ThrowsAsync<TimeoutException>(() => published.Reader.WaitToReadAsync().AsTask().WaitAsync(Quiet)); // waits without taking
        Assert.Equal(0, _runtime.HealthSource.Current.Totals.CircuitOpen);

        Advance(TimeSpan.FromSeconds(1));
        HealthSnapshot next = await published.Reader.ReadAsync().AsTask().WaitAsync(Signal);
        Assert.Same(next, _runtime.HealthSource.Current);
        Assert.Equal(1, next.Totals.CircuitOpen);
        Assert.Equal(HealthStatus.Warning, next.Status);

        // Nothing changed since: the next tick publishes nothing.
        Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => published.Reader.WaitToReadAsync().AsTask().WaitAsync(Quiet)); // waits without taking
    }

    [Fact]
    public async Task Status_Changes_ArePublishedAsHealthStatusChanged()
    {
        var changes = Subscribe<HealthStatusChanged>();
        State("x", UnitState.CircuitOpen);
        await SnapshotAsync();
        var changed = await changes.ExpectMsgAsync<HealthStatusChanged>(Signal);
        Assert.Equal((HealthStatus.Healthy, HealthStatus.Warning), (changed.Previous, changed.Current));
        State("x", UnitState.Running);
        await SnapshotAsync();
        Assert.Equal(HealthStatus.Healthy, (await changes.ExpectMsgAsync<HealthStatusChanged>(Signal)).Current);
    }

    [Fact]
    public async Task Probe_SampledOnTheAggregatorsTimer_MemoryAtThresholdIsCritical()
    {
        int before = _probe.Samples;
        _probe.Next = new ResourceSample(10, 90, 900, 100, 0, 10, 0);
        Advance(TimeSpan.FromSeconds(4));
        await SnapshotAsync();
        Assert.Equal(before, _probe.Samples);
        Advance(TimeSpan.FromSeconds(1));
        var snapshot = await SnapshotAsync();
        Assert.Equal(before + 1, _probe.Samples);

        Assert.Equal(HealthStatus.Critical, snapshot.Status);
        Assert.Contains(snapshot.Reasons, r => r.StartsWith("memory 90.0 %", StringComparison.Ordinal));

        // memory 15·p(90, 85) = 15 → 85.
        Assert.Equal(85, snapshot.Score);
    }

    [Fact]
    public async Task Snapshot_HandlingTimes_P95OverThresholdWarns()
    {
        for (int i = 1; i <= 100; i++)
        {
            Sys.EventStream.Publish(new UnitHandlingTime("prediction", TimeSpan.FromMilliseconds(i * 60)));
        }

        var snapshot = await SnapshotAsync();
        var kind = Assert.Single(snapshot.Kinds);
        Assert.Equal(TimeSpan.FromMilliseconds(95 * 60), kind.P95HandlingTime);
        Assert.Equal(HealthStatus.Warning, snapshot.Status);
        Assert.Contains(snapshot.Reasons, r => r.StartsWith("p95 handling time 5.70 s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 80, 0)]
    [InlineData(40, 80, 0)]
    [InlineData(60, 80, 0.5)]
    [InlineData(80, 80, 1)]
    [InlineData(120, 80, 1)]
    public void Pressure_RisesFromHalfTheThresholdToTheThreshold(double value, double threshold, double expected) =>
        Assert.Equal(expected, HealthScoring.Pressure(value, threshold), 6);
}
