namespace Actors;

/// <summary>The answer to <see cref="Identify"/>.</summary>
/// <param name="MessageId">The id from the request.</param>
/// <param name="Subject">The actor, or <see langword="null"/> when nothing lives at the selection.</param>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
