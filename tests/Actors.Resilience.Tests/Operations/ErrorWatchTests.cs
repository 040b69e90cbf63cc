using System.Threading.Channels;
using Actors.Resilience.Errors;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Operations;

/// <summary><see cref="ErrorOperations.Watch"/> and <see cref="ErrorEntrySource"/>: failures pushed as the journal records them.</summary>
public sealed class ErrorWatchTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private ResilienceRuntime _runtime = null!;
    private ErrorOperations _errors = null!;
    private TestProbe _failures = null!;

    public async Task InitializeAsync()
    {
        IActorRef starts = CreateTestProbe("starts").Ref;
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("session", id => FlakyWorker.Props(id, starts)));
        _runtime = await StartAsync(options);
        _errors = new ErrorOperations(_runtime);
        _failures = CreateTestProbe("failures");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Watch_BacklogFirst_ThenEachNewFailureOnce_EndsOnCancel()
    {
        using var cancel = new CancellationTokenSource();
        // Not 'await using': disposing while a MoveNextAsync is pending would throw and hide a failed assertion.
        IAsyncEnumerator<PublicError> live = _errors.Watch(0, cancel.Token).GetAsyncEnumerator(cancel.Token);
        Task<bool> first = live.MoveNextAsync().AsTask();

        Send(_runtime, "session", "a", "hi", TestActor);
        await ExpectMsgAsync("a:hi");
        Send(_runtime, "session", "a", "boom", _failures.Ref);
        Assert.True(await first.WaitAsync(Signal));
        Assert.Equal(("a", 1L), (live.Current.UnitId, live.Current.Sequence));

        // A second watcher gets the recorded failure as its backlog, then only what is new.
        IAsyncEnumerator<PublicError> late = _errors.Watch(5, cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await late.MoveNextAsync().AsTask().WaitAsync(Signal));
        Assert.Equal(("a", 1L), (late.Current.UnitId, late.Current.Sequence));
        Task<bool> liveNext = live.MoveNextAsync().AsTask();
        Task<bool> lateNext = late.MoveNextAsync().AsTask();
        Send(_runtime, "session", "b", "hi", TestActor);
        await ExpectMsgAsync("b:hi");
        Send(_runtime, "session", "b", "boom", _failures.Ref);

        Assert.True(await liveNext.WaitAsync(Signal));
        Assert.True(await lateNext.WaitAsync(Signal));
        Assert.Equal(("b", 2L), (live.Current.UnitId, live.Current.Sequence));
        Assert.Equal(("b", 2L), (late.Current.UnitId, late.Current.Sequence));
        Assert.Equal("boom", late.Current.Message);

        Task<bool> last = live.MoveNextAsync().AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => last.WaitAsync(Signal));
        await live.DisposeAsync();
    }

    [Fact]
    public void Source_HandsEachEntryWithoutItsStackTrace_UntilDisposed()
    {
        var source = new ErrorEntrySource();
        var channel = Channel.CreateUnbounded<ErrorEntry>();
        var entry = new ErrorEntry(1, DateTimeOffset.UnixEpoch, "/user/x", null, null, "System.Exception", "m", Directive.Restart, "stack");

        IDisposable subscription = source.Subscribe(channel.Writer);
        source.Publish(entry);
        subscription.Dispose();
        source.Publish(entry with { Sequence = 2 });

        Assert.True(channel.Reader.TryRead(out ErrorEntry? handed));
        Assert.Equal(1, handed.Sequence);
        Assert.Null(handed.StackTrace);
        Assert.False(channel.Reader.TryRead(out _));
    }
}
