namespace Actors;

/// <summary>Published on the event stream for a message that could not be delivered.</summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">Its intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
