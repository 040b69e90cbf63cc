using System.Threading.Channels;
using Actors.Resilience.Health;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Operations;

/// <summary><see cref="HealthOperations.Watch"/> and the change notification of <see cref="HealthSnapshotSource"/>, on virtual time.</summary>
public sealed class HealthWatchTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private ResilienceRuntime _runtime = null!;
    private HealthOperations _health = null!;
    private TestProbe _events = null!;

    public async Task InitializeAsync()
    {
        IActorRef starts = CreateTestProbe("starts").Ref;
        _events = SubscribeUnitEvents();
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("session", id => FlakyWorker.Props(id, starts)));
        _runtime = await StartAsync(options);
        _health = new HealthOperations(_runtime);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Watch_CurrentSummaryFirst_ThenEachChange_NothingWhileUnchanged_EndsOnCancel()
    {
        using var cancel = new CancellationTokenSource();
        // Not 'await using': disposing while a MoveNextAsync is pending would throw and hide a failed assertion.
        IAsyncEnumerator<HealthSummary> watch = _health.Watch(cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Signal));
        Assert.Equal(0, watch.Current.TotalInstances);

        // A new instance changes the summary; the aggregator publishes on its next tick.
        Send(_runtime, "session", "a", "hi", TestActor);
        await ExpectMsgAsync("a:hi");
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.Running);
        ValueTask<bool> next = watch.MoveNextAsync();
        Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.AsTask().WaitAsync(Signal));
        Assert.Equal(1, watch.Current.TotalInstances);
        Assert.Equal(1, watch.Current.ActiveConnections);

        // Publishing an unchanged summary (fresh snapshots asked for, ticks passing) yields nothing.
        HealthSummary second = watch.Current;
        Task<bool> pending = watch.MoveNextAsync().AsTask();
        Assert.True(second.SameNumbersAs(await _health.GetSummary()));
        AdvanceInSteps(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        await _health.GetSummary();
        await Assert.ThrowsAsync<TimeoutException>(() => pending.WaitAsync(Quiet));

        // The worker's failure is a change.
        Send(_runtime, "session", "a", "boom", TestActor);
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.BackingOff);
        Assert.Equal(1, (await _health.GetSummary()).TotalRecentFailures);
        Assert.True(await pending.WaitAsync(Signal));
        Assert.Equal(1, watch.Current.TotalRecentFailures);

        Task<bool> last = watch.MoveNextAsync().AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => last.WaitAsync(Signal));
        await watch.DisposeAsync();
    }

    [Fact]
    public async Task Source_Subscribe_HandsEachPublishedSnapshotToTheWriter_UntilDisposed()
    {
        var source = new HealthSnapshotSource();
        var channel = Channel.CreateUnbounded<HealthSnapshot>();
        HealthSnapshot first = HealthSnapshot.Empty with { Score = 42 };

        IDisposable subscription = source.Subscribe(channel.Writer);
        source.Publish(first);
        subscription.Dispose();
        subscription.Dispose();
        source.Publish(HealthSnapshot.Empty);

        Assert.Same(first, await channel.Reader.ReadAsync().AsTask().WaitAsync(Signal));
        Assert.False(channel.Reader.TryRead(out _));
        Assert.Same(HealthSnapshot.Empty, source.Current);
    }
}
