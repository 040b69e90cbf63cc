namespace Actors.TestKit;

/// <summary>Tells a test actor to watch or unwatch an actor.</summary>
internal sealed record WatchRequest(IActorRef Target, bool Watch)
{
    /// <summary>Completed by the test actor once its watch (or unwatch) has been sent to the target.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
