using Actors.Prediction.Jobs;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Akka.TestKit;
using SkiaSharp;

namespace Actors.Prediction.Tests.Jobs;

/// <summary>
/// A model's job figures in health (owner <c>prediction/{model}</c>) on virtual time: published on the figures
/// timer after jobs are answered, nothing when nothing changed, latencies leave their one-minute window.
/// </summary>
public sealed class JobFiguresTests : PredictionTestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void Figures_AfterCompletedAndRefusedJobs_PublishedOnceThenNothingWhileUnchanged()
    {
        TestProbe health = CreateTestProbe();
        Sys.EventStream.Subscribe(health.Ref, typeof(WorkloadCounters));
        IActorRef model = Model(Options(), "tiny");
        byte[] image = SolidImage(16, 16, SKColors.Red);
        model.Tell(Request(image, "1"));
        model.Tell(Request(image, "2"));
        ExpectMsg<PredictionSucceeded>();
        ExpectMsg<PredictionSucceeded>();
        model.Tell(new MemoryPressureChanged(Overloaded: true, TimeSpan.FromSeconds(5)));
        model.Tell(Request(image, "3"));
        ExpectMsg<PredictionRefused>();

        Scheduler.Advance(ModelActor.FiguresInterval);
        WorkloadCounters figures = health.ExpectMsg<WorkloadCounters>();
        Assert.Equal("prediction/tiny", figures.Owner);
        Assert.Equal(3, figures.Counters["submitted"]);
        Assert.Equal(2, figures.Counters["completed"]);
        Assert.Equal(1, figures.Counters["refused"]);
        Assert.Equal(0, figures.Counters["failed"]);
        Assert.Equal(0, figures.Counters["timed_out"]);
        Assert.True(figures.Counters["latency_p50_ms"] <= figures.Counters["latency_p95_ms"]);
        Assert.True(figures.Counters["latency_p95_ms"] <= figures.Counters["latency_max_ms"]);

        // Nothing changed: nothing published.
        Scheduler.Advance(ModelActor.FiguresInterval);
        health.ExpectNoMsg(Quiet);

        // A failed job (not an image) changes the figures: published on the next tick.
        model.Tell(new MemoryPressureChanged(Overloaded: false, TimeSpan.Zero));
        model.Tell(Request("not an image"u8.ToArray(), "4"));
        ExpectMsg<PredictionFailed>();
        Scheduler.Advance(ModelActor.FiguresInterval);
        WorkloadCounters next = health.ExpectMsg<WorkloadCounters>();
        Assert.Equal(4, next.Counters["submitted"]);
        Assert.Equal(1, next.Counters["failed"]);
    }

    [Fact]
    public void Counters_LatenciesOlderThanTheWindow_Dropped()
    {
        var figures = new PredictionJobFigures();
        var t0 = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        for (int i = 1; i <= 100; i++)
        {
            figures.Complete(t0, i);
        }

        Dictionary<string, long> now = figures.Counters(t0);
        Assert.Equal(50, now["latency_p50_ms"]);
        Assert.Equal(95, now["latency_p95_ms"]);
        Assert.Equal(100, now["latency_max_ms"]);

        figures.Complete(t0.AddSeconds(30), 7);
        Dictionary<string, long> later = figures.Counters(t0.AddSeconds(61));
        Assert.Equal(7, later["latency_p50_ms"]);
        Assert.Equal(7, later["latency_max_ms"]);
        Assert.Equal(101, later["completed"]);

        Dictionary<string, long> empty = figures.Counters(t0.AddMinutes(5));
        Assert.Equal(0, empty["latency_max_ms"]);
    }
}
