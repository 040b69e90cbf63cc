namespace Actors.Benchmarks.Support;

/// <summary>How long each figure is measured: the quick mode (CI, under 90 s in all) or the full mode.</summary>
internal sealed record BenchSettings(int PerTarget, int Rounds, int Instances, int CrashSamples, TimeSpan HealthPhase)
{
    public static BenchSettings Quick { get; } = new(PerTarget: 500, Rounds: 5, Instances: 100_000, CrashSamples: 60_000, HealthPhase: TimeSpan.FromSeconds(5));

    public static BenchSettings Full { get; } = new(PerTarget: 1_000, Rounds: 7, Instances: 100_000, CrashSamples: 100_000, HealthPhase: TimeSpan.FromSeconds(30));
}
