namespace Actors;

/// <summary>A behavior of an <see cref="UntypedActor"/>; call <c>Unhandled</c> for messages it does not take.</summary>
/// <param name="message">The message.</param>
public delegate void UntypedReceive(object message);
