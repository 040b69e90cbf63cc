namespace Actors.Resilience.Operations;

/// <summary>The result of resetting one instance's breaker.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="Previous">The breaker's state before ("Closed", "Open" or "HalfOpen").</param>
/// <param name="State">Its state now.</param>
public sealed record BreakerResetResult(string Kind, string Id, string Previous, string State);

/// <summary>The result of resetting every breaker of a kind.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Instances">How many instances were told to reset.</param>
public sealed record BreakersResetResult(string Kind, int Instances);
