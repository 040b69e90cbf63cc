using Actors.Resilience.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Actors.Hosting.Admin;

/// <summary>
/// <c>GET /metrics</c>: an OpenTelemetry meter provider inside the admin web application, exporting in Prometheus
/// text format. It listens to every meter named <c>Actors.*</c> (<see cref="ResilienceMeter.Name"/> and the workloads'
/// meters, which this assembly does not reference), the .NET runtime and the process. It lives and dies with the
/// admin endpoints (a hosted service of their web application), so with <c>actors.admin.metrics = off</c> or the
/// endpoints off nothing listens and recording costs next to nothing.
/// </summary>
/// <remarks>
/// The meters are process-wide and every measurement carries the tag <c>system</c>: a process with several actor
/// systems (tests) shows each system's series under its own label on every admin endpoint of the process.
/// </remarks>
internal static class AdminMetrics
{
    /// <summary>The route, as Prometheus expects by default.</summary>
    public const string Path = "/metrics";

    /// <summary>The meters exported: ours by wildcard, so each workload's meter needs no reference here.</summary>
    public const string ActorsMeters = "Actors.*";

    public static void AddServices(IServiceCollection services) =>
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ResilienceMeter.Name, ActorsMeters)
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            // No response cache (the exporter's default keeps a scrape for 300 ms): each scrape is current, and a
            // Prometheus scraping every few seconds gains nothing from it.
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

    public static void Map(WebApplication app) => app.MapPrometheusScrapingEndpoint(Path);
}
