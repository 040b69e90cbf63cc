namespace Actors.Hosting.Tests;

/// <summary>Completes a signal with the first <typeparamref name="T"/> published after it subscribed that matches.</summary>
internal sealed class EventListener<T> : ReceiveActor
{
    public EventListener(TaskCompletionSource<T> signal, Func<T, bool> match)
    {
        Receive<T>(e =>
        {
            if (match(e))
            {
                signal.TrySetResult(e);
                Context.Stop(Self);
            }
        });
    }
}
