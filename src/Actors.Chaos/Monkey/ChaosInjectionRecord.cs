namespace Actors.Chaos.Monkey;

/// <summary>One attempt to inject a fault, kept in the status's recent list and published on the event stream.</summary>
/// <param name="At">When it was started, on the actor system's clock.</param>
/// <param name="Fault">The fault's name.</param>
/// <param name="Target">What it hit (empty when skipped or failed).</param>
/// <param name="Detail">What was done and how it heals, or why nothing was.</param>
/// <param name="Outcome">How it went.</param>
public sealed record ChaosInjectionRecord(DateTimeOffset At, string Fault, string Target, string Detail, ChaosInjectionOutcome Outcome);
