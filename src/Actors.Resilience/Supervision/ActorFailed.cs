namespace Actors.Resilience.Supervision;

/// <summary>
/// Published on the event stream once per supervisor decision about a failed child, by a
/// <see cref="PublishingOneForOneStrategy"/>. Akka.NET publishes no event per decision (it only logs an error); the
/// health aggregator and the error journal learn about failures from this one.
/// </summary>
/// <param name="Child">The actor that failed.</param>
/// <param name="Supervisor">Its supervisor.</param>
/// <param name="Cause">The failure.</param>
/// <param name="Directive">What the supervisor decided (an escalation is published by the supervisor that handles it).</param>
public sealed record ActorFailed(IActorRef Child, IActorRef Supervisor, Exception Cause, Directive Directive);
