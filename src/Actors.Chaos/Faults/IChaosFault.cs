namespace Actors.Chaos.Faults;

/// <summary>
/// A fault the chaos monkey can inject: the library's own (<c>worker-exception</c>, <c>memory-pressure</c>) and any a
/// workload registers with <see cref="Configuration.ChaosOptions.AddFault"/>. A fault must break things in a way the
/// system is designed to heal from, and a fault that leaves something standing (a setting on an upstream, a ballast)
/// must undo it in <see cref="ClearAsync"/> and should also heal by itself after a while.
/// </summary>
/// <remarks>
/// Threading contract: the monkey calls <see cref="InjectAsync"/> and <see cref="ClearAsync"/> from its own turn but
/// does not wait for them there, so several injections of the same fault may be in flight at once and a clear may
/// run while a self-healing timer of the fault fires; an implementation with standing state must be thread-safe.
/// <see cref="ClearAsync"/> is called only after every injection in flight has finished.
/// </remarks>
public interface IChaosFault
{
    /// <summary>The fault's name: lower case, digits and '-', as in <c>actors.chaos.faults.&lt;name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>What it breaks and how that heals, in one line.</summary>
    string Description { get; }

    /// <summary>Injects the fault once.</summary>
    /// <param name="context">The actor system, the random source and the time.</param>
    /// <returns>What it did, or why nothing was done (<see cref="ChaosInjection.Skipped"/>). A throw counts as a failed injection.</returns>
    ValueTask<ChaosInjection> InjectAsync(ChaosContext context);

    /// <summary>Undoes every standing effect of earlier injections (called when chaos stops). Must not throw for "nothing to clear".</summary>
    /// <param name="system">The actor system (a clear also runs when the monkey starts, before any injection of this process).</param>
    /// <param name="cancellationToken">Gives up.</param>
    /// <returns>A task that completes when cleared.</returns>
    ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken);
}
