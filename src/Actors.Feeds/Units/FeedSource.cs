using Akka;
using Akka.Streams.Dsl;

namespace Actors.Feeds.Units;

/// <summary>
/// Makes the source of one connection's raw frames for a symbol; called by RestartSource at every (re)connect.
/// The default connects to the exchange's WebSocket; tests may pass their own.
/// </summary>
/// <param name="symbol">The symbol.</param>
/// <returns>A source that fails when the connection fails.</returns>
public delegate Source<string, NotUsed> FeedSource(string symbol);
