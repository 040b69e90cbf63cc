using System.Diagnostics;
using System.Threading.Channels;
using Actors.Feeds.Units;

namespace Actors.Benchmarks.Feeds;

/// <summary>Stamps each <see cref="FeedConnected"/> (the first frame after a reconnect) as it arrives.</summary>
internal sealed class FeedConnectedSignal : ReceiveActor
{
    public FeedConnectedSignal(ChannelWriter<long> stamps) => Receive<FeedConnected>(_ => stamps.TryWrite(Stopwatch.GetTimestamp()));
}
