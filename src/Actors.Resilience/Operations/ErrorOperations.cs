using Actors.Resilience.Errors;

namespace Actors.Resilience.Operations;

/// <summary>The error journal operations (<c>GET /admin/errors</c>, <c>pbm errors</c>): one implementation each.</summary>
/// <param name="runtime">The resilience actors.</param>
public sealed class ErrorOperations(ResilienceRuntime runtime)
{
    private readonly ResilienceRuntime _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));

    /// <summary>The <paramref name="count"/> most recent failures in their public form (never a stack trace).</summary>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The failures, oldest first.</returns>
    public async Task<IReadOnlyList<PublicError>> Tail(int count, CancellationToken cancellationToken = default)
    {
        RecentErrors recent = await Ask(new GetRecentErrors(count, IncludeStackTraces: false), cancellationToken).ConfigureAwait(false);
        return recent.Entries.Select(PublicError.From).ToArray();
    }

    /// <summary>The <paramref name="count"/> most recent failures with stack traces, for operators only.</summary>
    /// <param name="count">How many.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The failures, oldest first.</returns>
    public async Task<IReadOnlyList<ErrorEntry>> TailForOperator(int count, CancellationToken cancellationToken = default) =>
        (await Ask(new GetRecentErrors(count, IncludeStackTraces: true), cancellationToken).ConfigureAwait(false)).Entries;

    /// <summary>Counts by exception type and directive, and the per-minute rate.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The statistics.</returns>
    public async Task<ErrorStatsView> Stats(CancellationToken cancellationToken = default)
    {
        ErrorStats s = await _runtime.Errors.Ask<ErrorStats>(GetErrorStats.Instance, _runtime.Options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        return new ErrorStatsView(
            s.Total,
            s.Retained,
            s.Capacity,
            s.PerMinute,
            s.ByExceptionType,
            s.ByDirective.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value, StringComparer.Ordinal));
    }

    private Task<RecentErrors> Ask(GetRecentErrors query, CancellationToken cancellationToken) =>
        _runtime.Errors.Ask<RecentErrors>(query, _runtime.Options.OperationTimeout, cancellationToken);
}
