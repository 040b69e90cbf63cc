namespace Actors.Benchmarks.Support;

/// <summary>A message echoed back by <see cref="Echo"/>.</summary>
internal sealed class Ping
{
    public static Ping Instance { get; } = new();
}
