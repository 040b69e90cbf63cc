using Actors.Resilience.Supervision;

namespace Actors.Dashboard.Tests;

/// <summary>Completes a signal with the first <see cref="ActorFailed"/> published after it subscribed.</summary>
internal sealed class FailureListener : ReceiveActor
{
    public FailureListener(TaskCompletionSource<ActorFailed> signal)
    {
        Receive<ActorFailed>(f =>
        {
            signal.TrySetResult(f);
            Context.Stop(Self);
        });
    }
}
