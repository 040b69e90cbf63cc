namespace Actors.Resilience;

/// <summary>The Akka extension id of <see cref="ResilienceExtension"/>.</summary>
internal sealed class ResilienceExtensionId : ExtensionIdProvider<ResilienceExtension>
{
    public static ResilienceExtensionId Instance { get; } = new();

    public override ResilienceExtension CreateExtension(ExtendedActorSystem system) => new();
}
