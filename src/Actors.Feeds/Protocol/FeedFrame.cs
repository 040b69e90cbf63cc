namespace Actors.Feeds.Protocol;

/// <summary>One parsed frame of a symbol's stream.</summary>
/// <param name="Kind">What it carries.</param>
/// <param name="Symbol">The symbol (empty for control frames).</param>
/// <param name="Sequence">The per-symbol sequence number (0 for control frames).</param>
/// <param name="Price">The last price (tickers) or the mid price (book deltas).</param>
/// <param name="Bid">The best bid (book deltas; 0 otherwise).</param>
/// <param name="Ask">The best ask (book deltas; 0 otherwise).</param>
public readonly record struct FeedFrame(FeedFrameKind Kind, string Symbol, long Sequence, decimal Price, decimal Bid, decimal Ask);
