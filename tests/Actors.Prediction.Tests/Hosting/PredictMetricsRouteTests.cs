using System.Globalization;
using System.Net;
using SkiaSharp;

namespace Actors.Prediction.Tests.Hosting;

/// <summary>The prediction meter through the admin endpoints' <c>GET /metrics</c>, over real HTTP.</summary>
public sealed class PredictMetricsRouteTests
{
    [Fact]
    public async Task Metrics_AfterOnePrediction_ScrapeShowsOneSucceededJobAndItsDuration()
    {
        await using PredictionHost host = await PredictionHost.StartAsync();
        string system = host.System.Name;
        using HttpResponseMessage predicted = await host.Upload(PredictionTestKit.SolidImage(64, 32, new SKColor(255, 51, 0)), "photo.png");
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);

        using HttpResponseMessage response = await host.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string scrape = await response.Content.ReadAsStringAsync();
        Assert.Equal(1, Value(scrape, "actors_prediction_jobs_total", system, "outcome=\"succeeded\""));
        Assert.Null(Value(scrape, "actors_prediction_jobs_total", system, "outcome=\"refused\""));
        Assert.Equal(1, Value(scrape, "actors_prediction_job_duration_seconds_count", system, "outcome=\"succeeded\""));
        Assert.Equal(1, Value(scrape, "actors_prediction_job_duration_seconds_bucket", system, "outcome=\"succeeded\"", "le=\"+Inf\""));
        Assert.InRange(Value(scrape, "actors_prediction_job_duration_seconds_sum", system, "outcome=\"succeeded\"")!.Value, double.Epsilon, 60);
        Assert.Contains("# TYPE actors_prediction_job_duration_seconds histogram", scrape, StringComparison.Ordinal);
    }

    /// <summary>The one sample of <paramref name="metric"/> of this system whose labels include <paramref name="labels"/>; null when none.</summary>
    private static double? Value(string scrape, string metric, string system, params string[] labels)
    {
        string[] matching = scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains($"system=\"{system}\"", StringComparison.Ordinal))
            .Where(line => labels.All(l => line.Contains(l, StringComparison.Ordinal)))
            .ToArray();
        Assert.True(matching.Length <= 1, $"Several samples of {metric} match: {string.Join(" | ", matching)}");
        return matching.Length == 0 ? null : double.Parse(matching[0][(matching[0].LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
