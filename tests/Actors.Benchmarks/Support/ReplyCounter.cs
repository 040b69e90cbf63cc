namespace Actors.Benchmarks.Support;

/// <summary>Counts replies of any type and completes the current round's task when its target is reached.</summary>
internal sealed class ReplyCounter : UntypedActor
{
    private long _target;
    private long _count;
    private TaskCompletionSource? _done;

    protected override void OnReceive(object message)
    {
        if (message is Expect expect)
        {
            _target = expect.Count;
            _count = 0;
            _done = expect.Done;
            Sender.Tell(expect);
            return;
        }

        if (++_count == _target)
        {
            _done?.TrySetResult();
        }
    }

    /// <summary>Starts a round: complete <paramref name="Done"/> after <paramref name="Count"/> replies (acknowledged to the sender).</summary>
    public sealed record Expect(long Count, TaskCompletionSource Done);
}
