using System.Threading.Channels;
using Actors.Resilience.Health;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Actors.TestKit;

namespace Actors.Resilience.Tests.Operations;

/// <summary><see cref="HealthOperations.Watch"/> and the change notification of <see cref="HealthSnapshotSource"/>, on virtual time.</summary>
public sealed class HealthWatchTests : TestKit.TestKit
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    private readonly ResilienceRuntime _runtime;
    private readonly HealthOperations _health;

    public HealthWatchTests()
    {
        IActorRef starts = CreateTestProbe("starts").Ref;
        var options = new ResilienceOptions();
        options.Health.Probe = new FakeResourceProbe();
        options.Memory.Probe = new FakeMemoryProbe();
        options.Kinds.Add(new UnitKindOptions("session", id => Props.Create(() => new FlakyWorker(id, starts, false))));
        _runtime = ResilienceRuntime.Start(Sys, options);
        _health = new HealthOperations(_runtime);
        AwaitIdle();
    }

    [Fact]
    public async Task Watch_CurrentSummaryFirst_ThenEachChange_NothingWhileUnchanged_EndsOnCancel()
    {
        using var cancel = new CancellationTokenSource();
        // Not 'await using': disposing while a MoveNextAsync is pending would throw and hide a failed assertion.
        IAsyncEnumerator<HealthSummary> watch = _health.Watch(cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(s_wait));
        Assert.Equal(0, watch.Current.TotalInstances);

        // A new instance changes the summary; the aggregator publishes on its next tick.
        _runtime.Units.Tell(new UnitMessage("session", "a", "hi"), TestActor);
        ExpectMsg("a:hi");
        ValueTask<bool> next = watch.MoveNextAsync();
        Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.AsTask().WaitAsync(s_wait));
        Assert.Equal(1, watch.Current.TotalInstances);
        Assert.Equal(1, watch.Current.ActiveConnections);

        // Publishing an unchanged summary (fresh snapshots asked for, ticks passing) yields nothing.
        HealthSummary second = watch.Current;
        Task<bool> pending = watch.MoveNextAsync().AsTask();
        Assert.Equal(second, await _health.GetSummary());
        Advance(TimeSpan.FromSeconds(30));
        Assert.False(pending.IsCompleted);

        // The worker's failure is a change.
        _runtime.Units.Tell(new UnitMessage("session", "a", "boom"), TestActor);
        AwaitIdle();
        Assert.Equal(1, (await _health.GetSummary()).TotalRecentFailures);
        Assert.True(await pending.WaitAsync(s_wait));
        Assert.Equal(1, watch.Current.TotalRecentFailures);

        Task<bool> last = watch.MoveNextAsync().AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => last.WaitAsync(s_wait));
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

        Assert.Same(first, await channel.Reader.ReadAsync().AsTask().WaitAsync(s_wait));
        Assert.False(channel.Reader.TryRead(out _));
        Assert.Same(HealthSnapshot.Empty, source.Current);
    }
}
