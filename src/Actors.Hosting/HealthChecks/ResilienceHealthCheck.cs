using Actors.Resilience;
using Actors.Resilience.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Hosting.HealthChecks;

/// <summary>
/// The health aggregator's verdict as a health check. It asks through <see cref="HealthOperations"/>, which falls
/// back to the last published snapshot when the aggregator does not answer in time, so the check never hangs on a
/// busy node; such a stale answer is reported at most Degraded.
/// </summary>
internal sealed class ResilienceHealthCheck : IAkkaHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(AkkaHealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (ResilienceRuntime.Get(context.ActorSystem) is not { } runtime)
        {
            return HealthCheckResult.Unhealthy("The resilience layer is not running (WithResilience was not called, or the system is still starting).");
        }

        HealthDetails details = await new HealthOperations(runtime).GetDetailed(cancellationToken).ConfigureAwait(false);
        HealthSummary s = details.Summary;
        var data = new Dictionary<string, object>
        {
            ["status"] = s.Status,
            ["health_score"] = s.HealthScore,
            ["total_instances"] = s.TotalInstances,
            ["reasons"] = details.Reasons.ToArray(),
            ["age_seconds"] = s.AgeSeconds,
            ["stale"] = s.Stale,
        };
        string description = details.Reasons.Count == 0
            ? $"Score {s.HealthScore}, {s.Status}."
            : $"Score {s.HealthScore}, {s.Status}: {string.Join("; ", details.Reasons)}.";
        if (s.Stale)
        {
            description += $" The aggregator did not answer; this snapshot is {s.AgeSeconds:0} s old.";
        }

        HealthStatus status = s.Status switch
        {
            "critical" => HealthStatus.Unhealthy,
            "warning" => HealthStatus.Degraded,
            _ => HealthStatus.Healthy,
        };
        if (s.Stale && status == HealthStatus.Healthy)
        {
            status = HealthStatus.Degraded;
        }

        return new HealthCheckResult(status, description, data: data);
    }
}
