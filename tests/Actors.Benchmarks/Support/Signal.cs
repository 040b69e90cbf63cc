namespace Actors.Benchmarks.Support;

/// <summary>An actor that completes the task it was last armed with when any message arrives.</summary>
internal sealed class Signal : UntypedActor
{
    private TaskCompletionSource? _next;

    protected override void OnReceive(object message)
    {
        if (message is TaskCompletionSource arm)
        {
            _next = arm;
            Sender.Tell(true);
        }
        else
        {
            _next?.TrySetResult();
            _next = null;
        }
    }
}
