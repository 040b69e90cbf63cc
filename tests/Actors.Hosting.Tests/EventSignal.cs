namespace Actors.Hosting.Tests;

/// <summary>Waits for an event published on an actor system's event stream.</summary>
internal static class EventSignal
{
    /// <summary>Completes when the next <typeparamref name="T"/> matching <paramref name="match"/> is published on <paramref name="system"/> (subscribed before this returns).</summary>
    public static Task<T> Next<T>(ActorSystem system, Func<T, bool> match)
    {
        var signal = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef listener = system.ActorOf(Props.Create(() => new EventListener<T>(signal, match)));
        system.EventStream.Subscribe(listener, typeof(T));
        return signal.Task.WaitAsync(TestHost.Timeout);
    }
}
