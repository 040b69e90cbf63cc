using Actors.Feeds.Failures;
using Actors.Feeds.Protocol;
using Actors.Feeds.State;

namespace Actors.Feeds.Streams;

/// <summary>
/// Parses a connection's frames, skips and counts garbage and control frames, and fails the connection with
/// <see cref="FeedGapException"/> when a sequence number is skipped (RestartSource then resubscribes). One per
/// connection: a new subscription starts a new sequence.
/// </summary>
internal sealed class SequenceGuard(string symbol, FeedStats stats)
{
    private static readonly FeedFrame[] s_none = [];
    private long _last;

    public IEnumerable<FeedFrame> Next(string text)
    {
        if (!FrameParser.TryParse(text, out FeedFrame frame, out _))
        {
            Interlocked.Increment(ref stats._garbage);
            return s_none;
        }

        if (frame.Kind == FeedFrameKind.Control || !string.Equals(frame.Symbol, symbol, StringComparison.Ordinal))
        {
            return s_none;
        }

        if (_last != 0 && frame.Sequence != _last + 1)
        {
            Interlocked.Increment(ref stats._gaps);
            throw new FeedGapException(symbol, _last + 1, frame.Sequence);
        }

        _last = frame.Sequence;
        return [frame];
    }
}
