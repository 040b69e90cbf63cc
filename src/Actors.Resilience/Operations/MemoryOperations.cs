using Actors.Resilience.Memory;

namespace Actors.Resilience.Operations;

/// <summary>
/// The memory operations (<c>GET /admin/memory</c>, <c>POST /admin/cleanup</c>, <c>POST /admin/emergency</c>, and the
/// <c>pbm</c> equivalents). Cleanup and emergency send the guard the same messages its own sampling sends.
/// </summary>
/// <param name="runtime">The resilience actors.</param>
public sealed class MemoryOperations(ResilienceRuntime runtime)
{
    private readonly ResilienceRuntime _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));

    /// <summary>The guard's state: latest sample, thresholds, whether work is refused, and its action journal.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The status.</returns>
    public Task<MemoryStatus> Get(CancellationToken cancellationToken = default) =>
        _runtime.Memory.Ask<MemoryStatus>(GetMemoryStatus.Instance, _runtime.Options.OperationTimeout, cancellationToken);

    /// <summary>Runs cleanup now (ignoring the cooldown).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The journaled action.</returns>
    public Task<MemoryAction> Cleanup(CancellationToken cancellationToken = default) =>
        _runtime.Memory.Ask<MemoryAction>(new RunMemoryCleanup(MemoryActionTrigger.Manual), _runtime.Options.OperationTimeout, cancellationToken);

    /// <summary>Runs the emergency policy now: non-critical units stop and new work is refused until memory is below the soft threshold.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The journaled action.</returns>
    public Task<MemoryAction> Emergency(CancellationToken cancellationToken = default) =>
        _runtime.Memory.Ask<MemoryAction>(new RunMemoryEmergency(MemoryActionTrigger.Manual), _runtime.Options.OperationTimeout, cancellationToken);
}
