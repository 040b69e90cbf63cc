namespace Actors.Resilience.Units;

/// <summary>The life-cycle state of one unit instance, as its supervisor reports it.</summary>
public enum UnitState
{
    /// <summary>The worker is being created or connecting and has not reported ready yet.</summary>
    Starting,

    /// <summary>The worker is up and serving.</summary>
    Running,

    /// <summary>The worker failed and waits for its backoff delay before it is started again.</summary>
    BackingOff,

    /// <summary>The instance's circuit breaker is open: requests are answered at once with <see cref="CircuitOpen"/>.</summary>
    CircuitOpen,

    /// <summary>The instance has stopped (passivated, stopped by an operator or the memory guard, or out of retries).</summary>
    Stopped,
}
