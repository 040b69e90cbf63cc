namespace Actors;

/// <summary>Every actor answers this with <see cref="ActorIdentity"/>; used to resolve selections to references.</summary>
/// <param name="MessageId">Correlation id returned in the answer.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;
