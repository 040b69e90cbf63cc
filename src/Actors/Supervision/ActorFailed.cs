namespace Actors;

/// <summary>
/// Published on the event stream each time a supervisor decides about a failed child: the one place the health
/// aggregator and error journal learn about failures.
/// </summary>
/// <param name="Child">The actor that failed.</param>
/// <param name="Supervisor">Its supervisor.</param>
/// <param name="Cause">The failure.</param>
/// <param name="Directive">What the supervisor decided.</param>
/// <param name="MessageType">The type of the message being processed when it failed, if any.</param>
public sealed record ActorFailed(IActorRef Child, IActorRef Supervisor, Exception Cause, Directive Directive, Type? MessageType);
