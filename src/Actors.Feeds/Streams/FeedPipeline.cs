using Actors.Feeds.Protocol;
using Actors.Feeds.Signals;
using Actors.Feeds.State;
using Akka;
using Akka.Streams.Dsl;

namespace Actors.Feeds.Streams;

/// <summary>The feed's processing stages, shared by the worker's stream and the throughput benchmark.</summary>
internal static class FeedPipeline
{
    /// <summary>Parse and gap-check a connection's frames (state per materialization, so per connection).</summary>
    public static Flow<string, FeedFrame, NotUsed> Frames(string symbol, FeedStats stats) =>
        Flow.Create<string>().StatefulSelectMany<string, string, FeedFrame, NotUsed>(() => new SequenceGuard(symbol, stats).Next);

    /// <summary>The indicator over the frames (state per materialization).</summary>
    public static Flow<FeedFrame, FeedSignal, NotUsed> Signals(int fast, int slow) =>
        Flow.Create<FeedFrame>().StatefulSelectMany<FeedFrame, FeedFrame, FeedSignal, NotUsed>(() =>
        {
            var indicator = new CrossoverIndicator(fast, slow);
            var one = new FeedSignal[1];
            return frame =>
            {
                // The array is handed to the stage, which reads its one element before asking for the next frame.
                one[0] = indicator.Next(frame);
                return one;
            };
        });
}
