using Actors.Resilience.Supervision;

namespace Actors.Hosting.Tests;

/// <summary>Waits for supervisor failures published on an actor system's event stream.</summary>
internal static class FailureSignal
{
    /// <summary>Completes when the next supervisor failure has been published on <paramref name="system"/>.</summary>
    public static Task<ActorFailed> Next(ActorSystem system)
    {
        var signal = new TaskCompletionSource<ActorFailed>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef listener = system.ActorOf(Props.Create(() => new FailureListener(signal)));
        system.EventStream.Subscribe(listener, typeof(ActorFailed));
        return signal.Task.WaitAsync(TestHost.Timeout);
    }
}
