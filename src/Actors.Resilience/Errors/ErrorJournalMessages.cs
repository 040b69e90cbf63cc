namespace Actors.Resilience.Errors;

/// <summary>Asks the journal for its most recent failures; answered with <see cref="RecentErrors"/>.</summary>
/// <param name="Count">How many, newest last.</param>
/// <param name="IncludeStackTraces">Whether stack traces are included (operators only).</param>
public sealed record GetRecentErrors(int Count, bool IncludeStackTraces = false);

/// <summary>The answer to <see cref="GetRecentErrors"/>.</summary>
/// <param name="Entries">The failures, oldest first.</param>
public sealed record RecentErrors(IReadOnlyList<ErrorEntry> Entries);

/// <summary>Asks the journal for its statistics; answered with <see cref="ErrorStats"/>.</summary>
public sealed record GetErrorStats
{
    /// <summary>The single instance.</summary>
    public static GetErrorStats Instance { get; } = new();
}

/// <summary>The answer to <see cref="GetErrorStats"/>.</summary>
/// <param name="Total">Failures recorded since start.</param>
/// <param name="Retained">Failures currently in the ring.</param>
/// <param name="Capacity">The ring's capacity.</param>
/// <param name="PerMinute">Failures in the last 60 seconds.</param>
/// <param name="ByExceptionType">Failures since start by exception type (full name).</param>
/// <param name="ByDirective">Failures since start by directive.</param>
public sealed record ErrorStats(
    long Total,
    int Retained,
    int Capacity,
    int PerMinute,
    IReadOnlyDictionary<string, long> ByExceptionType,
    IReadOnlyDictionary<Directive, long> ByDirective);
