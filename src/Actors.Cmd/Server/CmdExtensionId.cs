namespace Actors.Cmd;

/// <summary>The Akka extension id of <see cref="CmdExtension"/>.</summary>
internal sealed class CmdExtensionId : ExtensionIdProvider<CmdExtension>
{
    public static CmdExtensionId Instance { get; } = new();

    public override CmdExtension CreateExtension(ExtendedActorSystem system) => new();
}
