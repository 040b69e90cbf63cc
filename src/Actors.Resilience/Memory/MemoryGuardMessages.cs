namespace Actors.Resilience.Memory;

/// <summary>Runs cleanup now; answered with the resulting <see cref="MemoryAction"/>. Also what the guard's own sampling uses.</summary>
/// <param name="Trigger">Who asks; manual cleanups ignore the cooldown.</param>
public sealed record RunMemoryCleanup(MemoryActionTrigger Trigger = MemoryActionTrigger.Manual);

/// <summary>Runs the emergency policy now; answered with the resulting <see cref="MemoryAction"/>. New work stays refused until a sample is below the soft threshold.</summary>
/// <param name="Trigger">Who asks.</param>
public sealed record RunMemoryEmergency(MemoryActionTrigger Trigger = MemoryActionTrigger.Manual);

/// <summary>Asks the guard for its state; answered with <see cref="MemoryStatus"/>.</summary>
public sealed record GetMemoryStatus
{
    /// <summary>The single instance.</summary>
    public static GetMemoryStatus Instance { get; } = new();
}

/// <summary>The answer to <see cref="GetMemoryStatus"/>.</summary>
/// <param name="Sample">The latest reading.</param>
/// <param name="SoftThreshold">The cleanup threshold (ratio).</param>
/// <param name="HardThreshold">The emergency threshold (ratio).</param>
/// <param name="Overloaded">Whether new work is being refused.</param>
/// <param name="LastCleanup">When cleanup last ran, if ever.</param>
/// <param name="Actions">The journal of actions, oldest first.</param>
public sealed record MemoryStatus(MemorySample Sample, double SoftThreshold, double HardThreshold, bool Overloaded, DateTimeOffset? LastCleanup, IReadOnlyList<MemoryAction> Actions)
{
    /// <summary>The latest <see cref="WorkloadMemory"/> of each workload that reports one, ordered by owner.</summary>
    public IReadOnlyList<WorkloadMemory> Workloads { get; init; } = [];
}

/// <summary>Published when the guard starts or stops refusing new work; regions subscribe to it.</summary>
/// <param name="Overloaded">Whether new work is refused from now on.</param>
/// <param name="RetryAfter">The hint carried in <see cref="Memory.Overloaded"/> replies.</param>
public sealed record MemoryPressureChanged(bool Overloaded, TimeSpan RetryAfter);

/// <summary>Published during cleanup: owners of pools and caches subscribe and trim them.</summary>
/// <param name="Trigger">Who asked for the cleanup.</param>
public sealed record MemoryCleanupRequested(MemoryActionTrigger Trigger);
