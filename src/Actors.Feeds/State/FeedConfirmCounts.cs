namespace Actors.Feeds.State;

/// <summary>Confirm outcomes of a feed; every one but <paramref name="Confirmed"/> used the neutral fallback.</summary>
/// <param name="Confirmed">The endpoint answered a bias.</param>
/// <param name="Timeout">Every attempt timed out.</param>
/// <param name="Error">The endpoint failed.</param>
/// <param name="Malformed">The endpoint answered without a readable bias.</param>
/// <param name="Disabled">No endpoint configured.</param>
public sealed record FeedConfirmCounts(long Confirmed, long Timeout, long Error, long Malformed, long Disabled)
{
    /// <summary>Signals that used the fallback bias.</summary>
    public long Fallbacks => Timeout + Error + Malformed + Disabled;
}
