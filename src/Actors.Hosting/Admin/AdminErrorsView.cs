using Actors.Resilience.Operations;

namespace Actors.Hosting.Admin;

/// <summary>
/// The body of <c>GET /admin/errors</c>: the journal's statistics and one page of its retained failures (public form,
/// no stack traces). Offset 0 is the newest page; within a page the failures are oldest first.
/// </summary>
/// <param name="Stats">Counts by exception type and directive, and the per-minute rate.</param>
/// <param name="Total">Failures retained in the journal (what can be paged through; <c>stats.total</c> counts all since start).</param>
/// <param name="Offset">Newest failures skipped.</param>
/// <param name="Limit">Failures answered at most.</param>
/// <param name="Recent">This page, oldest first.</param>
internal sealed record AdminErrorsView(ErrorStatsView Stats, int Total, int Offset, int Limit, IReadOnlyList<PublicError> Recent);
