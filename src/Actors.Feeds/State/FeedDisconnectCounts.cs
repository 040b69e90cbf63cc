namespace Actors.Feeds.State;

/// <summary>Why a feed's connections ended.</summary>
/// <param name="Dropped">The exchange closed or dropped it (including a slow-consumer disconnect).</param>
/// <param name="Refused">The connect failed or was refused.</param>
/// <param name="Stale">No data for stale-after.</param>
/// <param name="Gap">A sequence number was skipped.</param>
/// <param name="Overflow">The consumer fell behind by more than buffer-size frames.</param>
/// <param name="Requested">An operator asked for a restart.</param>
public sealed record FeedDisconnectCounts(long Dropped, long Refused, long Stale, long Gap, long Overflow, long Requested);
