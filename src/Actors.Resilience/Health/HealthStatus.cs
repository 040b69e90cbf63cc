namespace Actors.Resilience.Health;

/// <summary>The overall verdict of a <see cref="HealthSnapshot"/>.</summary>
public enum HealthStatus
{
    /// <summary>Score 80 or more, no measure at its threshold, no instance backing off or with an open circuit.</summary>
    Healthy,

    /// <summary>Score below 80, or a measure at its threshold, or some instance backing off or with an open circuit.</summary>
    Warning,

    /// <summary>Score below 50, or memory or disk at its threshold.</summary>
    Critical,
}
