using System.Diagnostics.Metrics;
using Actors.Prediction.Jobs;
using Actors.Resilience.Metrics;

namespace Actors.Prediction.Metrics;

/// <summary>
/// The <see cref="Meter"/> of the prediction workload, with the names of its instruments. Add it with
/// <c>AddMeter(PredictionMeter.Name)</c> (the admin endpoints' <c>GET /metrics</c> exports it). Measurements carry
/// <see cref="ResilienceMeter.SystemTag"/> and <see cref="OutcomeTag"/>; never the model instance's id.
/// </summary>
public static class PredictionMeter
{
    /// <summary>The meter's name: <c>Actors.Prediction</c>.</summary>
    public const string Name = "Actors.Prediction";

    /// <summary>Counter <c>actors.prediction.jobs</c> (<c>{job}</c>): jobs answered, by <see cref="OutcomeTag"/>.</summary>
    public const string Jobs = "actors.prediction.jobs";

    /// <summary>
    /// Histogram <c>actors.prediction.job.duration</c> (<c>s</c>): from admission (queue included) to the answer, for
    /// every job that was admitted, by <see cref="OutcomeTag"/>; refusals never ran and are not recorded.
    /// </summary>
    public const string JobDuration = "actors.prediction.job.duration";

    /// <summary>
    /// The tag naming a job's outcome: <c>succeeded</c>, <c>refused</c>, <c>invalid_image</c>, <c>inference_failed</c>,
    /// <c>timed_out</c> or <c>model_stopped</c>.
    /// </summary>
    public const string OutcomeTag = "outcome";

    internal static readonly Meter Meter = new(Name, typeof(PredictionMeter).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> JobCounter = Meter.CreateCounter<long>(Jobs, "{job}", "Prediction jobs answered, by outcome.");

    /// <summary>Buckets in seconds from 5 ms to 1 min: a CPU inference takes tens to hundreds of milliseconds, a timeout many seconds.</summary>
    internal static readonly Histogram<double> DurationHistogram = Meter.CreateHistogram(
        JobDuration,
        "s",
        "Prediction job time from admission to the answer, by outcome.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    /// <summary>The outcome tag's value of a reply.</summary>
    internal static string OutcomeOf(object reply) => reply switch
    {
        PredictionSucceeded => "succeeded",
        PredictionRefused => "refused",
        PredictionFailed { Kind: PredictionFailureKind.InvalidImage } => "invalid_image",
        PredictionFailed { Kind: PredictionFailureKind.InferenceFailed } => "inference_failed",
        PredictionFailed { Kind: PredictionFailureKind.TimedOut } => "timed_out",
        PredictionFailed { Kind: PredictionFailureKind.ModelStopped } => "model_stopped",
        _ => "unknown",
    };

    /// <summary>Records one answered job; <paramref name="seconds"/> is null for a job that never ran.</summary>
    internal static void Record(string system, object reply, double? seconds)
    {
        var systemTag = new KeyValuePair<string, object?>(ResilienceMeter.SystemTag, system);
        var outcome = new KeyValuePair<string, object?>(OutcomeTag, OutcomeOf(reply));
        JobCounter.Add(1, systemTag, outcome);
        if (seconds is { } s)
        {
            DurationHistogram.Record(s, systemTag, outcome);
        }
    }
}
