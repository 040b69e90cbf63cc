namespace Actors.Feeds.Protocol;

/// <summary>What a frame from the exchange carries.</summary>
public enum FeedFrameKind
{
    /// <summary>A ticker: the last traded price.</summary>
    Ticker,

    /// <summary>An order-book delta: best bid and ask.</summary>
    BookDelta,

    /// <summary>A control frame (pong, subscribe acknowledgement): no data, no sequence number.</summary>
    Control,
}
