using Actors.Prediction.Jobs;
using Actors.Prediction.Metrics;
using Actors.Resilience.Metrics;
using Actors.Resilience.Tests.Support;
using SkiaSharp;

namespace Actors.Prediction.Tests.Metrics;

/// <summary>The Actors.Prediction meter: each answer is counted by outcome and timed before it leaves the model.</summary>
public sealed class PredictionMetricsTests : PredictionTestKit, IDisposable
{
    private readonly MeterCollector _meter;

    public PredictionMetricsTests()
        : base("prediction-metrics-" + Guid.NewGuid().ToString("N")[..8])
    {
        _meter = new MeterCollector(PredictionMeter.Name, ResilienceMeter.SystemTag, Sys.Name);
    }

    [Fact]
    public void Jobs_OneSucceedsOneIsNotAnImage_CountedByOutcomeAndEachTimed()
    {
        IActorRef model = Model(Options(), "tiny");
        model.Tell(Request(SolidImage(40, 20, new SKColor(255, 51, 0)), "ok"));
        ExpectMsg<PredictionSucceeded>();
        model.Tell(Request([1, 2, 3, 4], "bad"));
        Assert.Equal(PredictionFailureKind.InvalidImage, ExpectMsg<PredictionFailed>().Kind);

        Assert.Equal(1, _meter.Sum(PredictionMeter.Jobs, (PredictionMeter.OutcomeTag, "succeeded")));
        Assert.Equal(1, _meter.Sum(PredictionMeter.Jobs, (PredictionMeter.OutcomeTag, "invalid_image")));
        Assert.Equal(2, _meter.Sum(PredictionMeter.Jobs));
        double succeeded = Assert.Single(_meter.Values(PredictionMeter.JobDuration, (PredictionMeter.OutcomeTag, "succeeded")));
        Assert.InRange(succeeded, double.Epsilon, 60);
        Assert.Equal(1, _meter.Count(PredictionMeter.JobDuration, (PredictionMeter.OutcomeTag, "invalid_image")));
    }

    void IDisposable.Dispose()
    {
        _meter.Dispose();
        Dispose();
    }
}
