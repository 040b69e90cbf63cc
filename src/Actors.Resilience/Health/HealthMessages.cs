namespace Actors.Resilience.Health;

/// <summary>Asks the aggregator for a freshly computed <see cref="HealthSnapshot"/>.</summary>
public sealed record GetHealthSnapshot
{
    /// <summary>The single instance.</summary>
    public static GetHealthSnapshot Instance { get; } = new();
}

/// <summary>Published on the event stream when the overall status changes.</summary>
/// <param name="Previous">The status before.</param>
/// <param name="Current">The status now.</param>
/// <param name="Score">The score now.</param>
/// <param name="Reasons">Why.</param>
public sealed record HealthStatusChanged(HealthStatus Previous, HealthStatus Current, int Score, IReadOnlyList<string> Reasons);
