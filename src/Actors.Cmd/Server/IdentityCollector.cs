using System.Threading.Channels;

namespace Actors.Cmd;

/// <summary>
/// A child of <c>/system/cmd</c> that is the sender of the <see cref="Identify"/> messages of one actor query and
/// writes every answer to the query's channel, which the query reads off the actor's thread. Stopped by the query.
/// </summary>
internal sealed class IdentityCollector : ReceiveActor
{
    public IdentityCollector(ChannelWriter<ActorIdentity> writer)
    {
        Receive<ActorIdentity>(identity => writer.TryWrite(identity));
    }
}
