namespace Actors;

/// <summary>Settings of <see cref="CoordinatedShutdown"/>.</summary>
public sealed class CoordinatedShutdownOptions
{
    /// <summary>The timeout of each phase unless overridden in <see cref="PhaseTimeouts"/>.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan DefaultPhaseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-phase timeouts by phase name.</summary>
    /// <value>Defaults to none.</value>
    public IDictionary<string, TimeSpan> PhaseTimeouts { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>Whether <see cref="ActorSystem.Terminate"/> runs the phases first.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool RunByActorSystemTerminate { get; set; } = true;
}
