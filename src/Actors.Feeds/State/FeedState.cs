namespace Actors.Feeds.State;

/// <summary>Where a feed stands.</summary>
public enum FeedState
{
    /// <summary>Connecting (first time or after a backoff).</summary>
    Connecting,

    /// <summary>Connected and receiving data.</summary>
    Streaming,

    /// <summary>The connection failed; RestartSource is backing off before the next attempt.</summary>
    BackingOff,

    /// <summary>The stream gave up (restarts exhausted): the unit's breaker decides when it tries again.</summary>
    Failed,

    /// <summary>The worker stopped.</summary>
    Stopped,
}
