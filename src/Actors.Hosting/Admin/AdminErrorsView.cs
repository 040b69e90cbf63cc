using Actors.Resilience.Operations;

namespace Actors.Hosting.Admin;

/// <summary>The body of <c>GET /admin/errors</c>: the journal's statistics and its most recent failures (public form, no stack traces).</summary>
/// <param name="Stats">Counts by exception type and directive, and the per-minute rate.</param>
/// <param name="Recent">The most recent failures, oldest first.</param>
internal sealed record AdminErrorsView(ErrorStatsView Stats, IReadOnlyList<PublicError> Recent);
