namespace Actors;

/// <summary>A behavior: returns true when it handled the message.</summary>
/// <param name="message">The message.</param>
/// <returns>Whether the message was handled.</returns>
public delegate bool Receive(object message);
