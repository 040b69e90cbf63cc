namespace Actors.Benchmarks.Support;

/// <summary>Makes <see cref="Echo"/> throw.</summary>
internal sealed class Crash
{
    public static Crash Instance { get; } = new();
}
