namespace Actors.TestKit;

/// <summary>Tells a test actor to watch or unwatch an actor.</summary>
internal sealed record WatchRequest(IActorRef Target, bool Watch);
