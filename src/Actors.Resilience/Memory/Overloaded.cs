namespace Actors.Resilience.Memory;

/// <summary>The reply to new work while the memory guard's emergency policy is in force.</summary>
/// <param name="Reason">Why the work was refused.</param>
/// <param name="RetryAfter">A hint for when to try again (the guard's sample interval).</param>
public sealed record Overloaded(string Reason, TimeSpan RetryAfter);
