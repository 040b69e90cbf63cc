using System.Threading.Channels;

namespace Actors.Samples.Node;

/// <summary>Hands the feed events it is subscribed to over to the demo's channel.</summary>
internal sealed class FeedEventForwarder : ReceiveActor
{
    public FeedEventForwarder(ChannelWriter<object> events) => ReceiveAny(m => events.TryWrite(m));
}
