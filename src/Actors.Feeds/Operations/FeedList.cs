using Actors.Feeds.State;

namespace Actors.Feeds.Operations;

/// <summary>A page of feeds.</summary>
/// <param name="Total">Feeds on this node.</param>
/// <param name="Offset">The first one shown.</param>
/// <param name="Limit">The most shown.</param>
/// <param name="Feeds">The page.</param>
public sealed record FeedList(int Total, int Offset, int Limit, IReadOnlyList<FeedSnapshot> Feeds);
