namespace Actors.Sessions.Metrics;

/// <summary>Creates the <see cref="SessionMetrics"/> of an actor system on first use.</summary>
internal sealed class SessionMetricsExtensionId : ExtensionIdProvider<SessionMetrics>
{
    public override SessionMetrics CreateExtension(ExtendedActorSystem system) => new(system);
}
