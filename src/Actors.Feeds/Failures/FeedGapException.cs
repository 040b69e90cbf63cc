namespace Actors.Feeds.Failures;

/// <summary>A skipped sequence number: the stream fails and RestartSource resubscribes (a fresh snapshot).</summary>
public sealed class FeedGapException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="expected">The sequence number expected.</param>
    /// <param name="received">The one received.</param>
    public FeedGapException(string symbol, long expected, long received)
        : base($"feed {symbol}: sequence gap, expected {expected}, received {received}; resubscribing")
    {
        Expected = expected;
        Received = received;
    }

    /// <summary>The sequence number expected.</summary>
    public long Expected { get; }

    /// <summary>The one received.</summary>
    public long Received { get; }
}
