namespace Actors.Chaos.Monkey;

/// <summary>The chaos monkey's state and counts.</summary>
/// <param name="Running">Whether faults are being injected.</param>
/// <param name="RatePerSecond">Faults per second while running.</param>
/// <param name="StartedAt">When chaos last started, or <see langword="null"/> if never.</param>
/// <param name="StoppedAt">When chaos last stopped (its faults cleared), or <see langword="null"/>.</param>
/// <param name="Injected">Faults injected since the node started.</param>
/// <param name="Skipped">Attempts that found nothing to hit.</param>
/// <param name="Failed">Attempts that threw or timed out.</param>
/// <param name="ByFault">Faults injected, by fault name (every registered fault listed).</param>
/// <param name="Recent">The latest attempts, newest first, at most <paramref name="RecentCapacity"/>.</param>
/// <param name="RecentCapacity">How many attempts are kept.</param>
/// <param name="Faults">The registered faults with their weights.</param>
/// <param name="ClearErrors">What failed to clear at the last stop (empty when everything was cleared).</param>
public sealed record ChaosStatus(
    bool Running,
    double RatePerSecond,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    long Injected,
    long Skipped,
    long Failed,
    IReadOnlyDictionary<string, long> ByFault,
    IReadOnlyList<ChaosInjectionRecord> Recent,
    int RecentCapacity,
    IReadOnlyList<ChaosFaultInfo> Faults,
    IReadOnlyList<string> ClearErrors);
