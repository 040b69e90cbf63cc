namespace Actors.Feeds.State;

/// <summary>What <c>GET /feeds/{symbol}</c> and <c>pbm feeds show</c> report for one feed.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="State">connecting, streaming, backingoff, failed or stopped.</param>
/// <param name="StateSince">When it entered the state.</param>
/// <param name="LastTickAgeSeconds">Seconds since the last data frame; null before the first.</param>
/// <param name="LastPrice">The last ticker price.</param>
/// <param name="Frames">Data frames received.</param>
/// <param name="Tickers">Ticker frames.</param>
/// <param name="BookDeltas">Order-book deltas.</param>
/// <param name="Connects">Connections made.</param>
/// <param name="Reconnects">Connections after the first.</param>
/// <param name="Disconnects">Why connections ended.</param>
/// <param name="StaleDetections">Stale detections.</param>
/// <param name="GapDetections">Gap detections.</param>
/// <param name="GarbageFrames">Unreadable frames skipped.</param>
/// <param name="RestartsExhausted">Times the stream gave up and the worker failed (the unit's breaker counts them).</param>
/// <param name="BuySignals">Buy signals.</param>
/// <param name="SellSignals">Sell signals.</param>
/// <param name="Confirm">Confirm outcomes.</param>
/// <param name="Paper">Paper trading.</param>
/// <param name="LastFailure">The last failure's message.</param>
public sealed record FeedSnapshot(
    string Symbol,
    string State,
    DateTimeOffset StateSince,
    double? LastTickAgeSeconds,
    decimal LastPrice,
    long Frames,
    long Tickers,
    long BookDeltas,
    long Connects,
    long Reconnects,
    FeedDisconnectCounts Disconnects,
    long StaleDetections,
    long GapDetections,
    long GarbageFrames,
    long RestartsExhausted,
    long BuySignals,
    long SellSignals,
    FeedConfirmCounts Confirm,
    FeedPaperView Paper,
    string? LastFailure);
