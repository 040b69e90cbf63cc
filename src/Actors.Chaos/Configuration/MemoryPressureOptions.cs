namespace Actors.Chaos.Configuration;

/// <summary>The memory-pressure fault's ballast (<c>actors.chaos.memory-pressure</c>).</summary>
public sealed class MemoryPressureOptions
{
    /// <summary>The largest ballast allowed.</summary>
    public const long MaxSizeBytes = 1L << 30;

    /// <summary>The ballast's size in bytes: at most one ballast is held at a time, never more than this.</summary>
    /// <value>64 MiB.</value>
    public long SizeBytes { get; set; } = 64L << 20;

    /// <summary>How long a ballast is held before it is released (stopping chaos releases it at once).</summary>
    /// <value>10 seconds.</value>
    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(10);
}
