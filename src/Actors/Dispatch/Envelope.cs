namespace Actors;

/// <summary>A user message with its sender, as held in a mailbox.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender, or <see langword="null"/>.</param>
public readonly record struct Envelope(object Message, IActorRef? Sender);
