namespace Actors.Hosting.Admin;

/// <summary>The Akka extension id of <see cref="AdminEndpointsExtension"/>.</summary>
internal sealed class AdminEndpointsExtensionId : ExtensionIdProvider<AdminEndpointsExtension>
{
    public override AdminEndpointsExtension CreateExtension(ExtendedActorSystem system) => new();
}
