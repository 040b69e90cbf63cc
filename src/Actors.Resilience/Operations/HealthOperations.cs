using Actors.Resilience.Health;

namespace Actors.Resilience.Operations;

/// <summary>
/// The health operations (<c>GET /health</c>, <c>GET /health/detailed</c>, <c>pbm health</c>): one implementation
/// each. They ask the aggregator for a fresh snapshot and fall back to the last published one if it does not answer
/// in time, so they never fail because the node is busy.
/// </summary>
/// <param name="runtime">The resilience actors.</param>
public sealed class HealthOperations(ResilienceRuntime runtime)
{
    private readonly ResilienceRuntime _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));

    /// <summary>The health summary.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The summary.</returns>
    public async Task<HealthSummary> GetSummary(CancellationToken cancellationToken = default) =>
        ToSummary(await Snapshot(cancellationToken).ConfigureAwait(false));

    /// <summary>The detailed health.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The details.</returns>
    public async Task<HealthDetails> GetDetailed(CancellationToken cancellationToken = default)
    {
        HealthSnapshot s = await Snapshot(cancellationToken).ConfigureAwait(false);
        return new HealthDetails(ToSummary(s), s.Reasons, s.Kinds, s.Instances, s.Resources, s.FailuresPerMinute, s.MessagesPerMinute, s.ErrorRate, s.Time);
    }

    /// <summary>Maps a snapshot to the summary.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The summary.</returns>
    public static HealthSummary ToSummary(HealthSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        UnitKindHealth t = snapshot.Totals;
        return new HealthSummary(
            snapshot.Status.ToString().ToLowerInvariant(),
            t.Instances,
            t.Active,
            t.Connecting,
            t.BreakerActivations,
            t.RetryAttempts,
            t.RecentFailures,
            snapshot.Score);
    }

    private async Task<HealthSnapshot> Snapshot(CancellationToken cancellationToken)
    {
        try
        {
            return await _runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, _runtime.Options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return _runtime.HealthSource.Current;
        }
    }
}
