namespace Actors.Resilience.Operations;

/// <summary>The error journal's statistics, with string keys for JSON.</summary>
/// <param name="Total">Failures since start.</param>
/// <param name="Retained">Failures in the ring.</param>
/// <param name="Capacity">The ring's capacity.</param>
/// <param name="PerMinute">Failures in the last 60 seconds.</param>
/// <param name="ByExceptionType">Failures by exception type.</param>
/// <param name="ByDirective">Failures by directive.</param>
public sealed record ErrorStatsView(
    long Total,
    int Retained,
    int Capacity,
    int PerMinute,
    IReadOnlyDictionary<string, long> ByExceptionType,
    IReadOnlyDictionary<string, long> ByDirective);
