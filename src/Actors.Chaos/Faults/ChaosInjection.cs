namespace Actors.Chaos.Faults;

/// <summary>What one injection did.</summary>
/// <param name="Injected">Whether a fault was injected; false when there was nothing to hit (no running instance, a ballast already held).</param>
/// <param name="Target">What it hit, for example <c>flaky/flaky-12</c> or <c>upstream (all instances)</c>; empty when skipped.</param>
/// <param name="Detail">What was done and how it heals, or why it was skipped.</param>
public sealed record ChaosInjection(bool Injected, string Target, string Detail)
{
    /// <summary>An injection that hit <paramref name="target"/>.</summary>
    /// <param name="target">What it hit.</param>
    /// <param name="detail">What was done and how it heals.</param>
    /// <returns>The injection.</returns>
    public static ChaosInjection Done(string target, string detail) => new(true, target, detail);

    /// <summary>Nothing injected, and why.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The injection.</returns>
    public static ChaosInjection Skipped(string reason) => new(false, string.Empty, reason);
}
