namespace Actors.Benchmarks.Support;

/// <summary>An actor that completes the task it was last armed with when any message arrives, with the Stopwatch time of arrival.</summary>
internal sealed class Signal : UntypedActor
{
    private TaskCompletionSource<long>? _next;

    protected override void OnReceive(object message)
    {
        if (message is TaskCompletionSource<long> arm)
        {
            _next = arm;
            Sender.Tell(true);
        }
        else
        {
            _next?.TrySetResult(System.Diagnostics.Stopwatch.GetTimestamp());
            _next = null;
        }
    }
}
