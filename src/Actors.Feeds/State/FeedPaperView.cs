using Actors.Feeds.Paper;

namespace Actors.Feeds.State;

/// <summary>A feed's paper trading.</summary>
/// <param name="Book">Position, fills and top of book.</param>
/// <param name="Breaker">The executor's breaker: closed, open or half-open.</param>
/// <param name="Rejected">Orders that failed.</param>
/// <param name="BreakerOpen">Orders refused by the open breaker.</param>
public sealed record FeedPaperView(PaperPosition Book, string Breaker, long Rejected, long BreakerOpen);
