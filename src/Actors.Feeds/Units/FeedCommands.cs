namespace Actors.Feeds.Units;

/// <summary>Starts a feed instance (any message does; this one is answered with <see cref="FeedStarted"/>).</summary>
public sealed record StartFeed
{
    /// <summary>The single instance.</summary>
    public static StartFeed Instance { get; } = new();
}

/// <summary>Answers <see cref="StartFeed"/>.</summary>
/// <param name="Symbol">The symbol.</param>
public sealed record FeedStarted(string Symbol);

/// <summary>Aborts the feed's current connection: RestartSource resubscribes after its backoff. Answered with <see cref="FeedRestarted"/>.</summary>
public sealed record RestartFeed
{
    /// <summary>The single instance.</summary>
    public static RestartFeed Instance { get; } = new();
}

/// <summary>Answers <see cref="RestartFeed"/>.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="HadConnection">Whether a connection was aborted (false while it was already reconnecting).</param>
public sealed record FeedRestarted(string Symbol, bool HadConnection);
