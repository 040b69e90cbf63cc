using Actors.Prediction.Images;
using Actors.Prediction.Jobs;
using SkiaSharp;

namespace Actors.Prediction.Tests.Jobs;

public sealed class ModelActorTests : PredictionTestKit
{
    [Fact]
    public void Submit_SolidImage_AnswersTheGeneratedModelsKnownScores()
    {
        IActorRef model = Model(Options(), "tiny");
        // y0 = mean(R) = 1.0, y1 = mean(G) + 0.5 = 0.2 + 0.5 (unit normalization, stretch resize of a solid colour).
        model.Tell(Request(SolidImage(40, 20, new SKColor(255, 51, 0))));
        PredictionSucceeded answer = ExpectMsg<PredictionSucceeded>();
        Assert.Equal("a", answer.Label);
        Assert.Equal(1.0f, answer.Scores[0].Score, 4);
        Assert.Equal(0.7f, answer.Scores[1].Score, 4);
        Assert.Equal("b", answer.Scores[1].Label);
        Assert.True(answer.HeatmapAvailable, answer.HeatmapError);
        Assert.True(answer.MemoryBytes >= 40 * 20 * 4);
    }

    [Fact]
    public void Submit_WithHeatmap_StoresAPngOfTheWorkingImagesSize()
    {
        var store = new PredictionJobStore(10);
        IActorRef model = Model(Options(), "tiny", store);
        model.Tell(Request(SolidImage(100, 64, new SKColor(0, 0, 255)), "hm"));
        Assert.True(ExpectMsg<PredictionSucceeded>().HeatmapAvailable);
        byte[] png = store.Get("hm")!.Heatmap!;
        using SKBitmap decoded = SKBitmap.Decode(png);
        Assert.Equal((96, 64), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Heatmap_OverItsMemoryBudget_PredictionStillAnsweredWithTheReason()
    {
        var options = Options();
        options.Heatmap.MemoryBudgetBytes = 1024;
        IActorRef model = Model(options, "tiny");
        model.Tell(Request(SolidImage(200, 100, SKColors.Red)));
        PredictionSucceeded answer = ExpectMsg<PredictionSucceeded>();
        Assert.Equal("a", answer.Label);
        Assert.False(answer.HeatmapAvailable);
        Assert.Contains("budget", answer.HeatmapError, StringComparison.Ordinal);
    }

    [Fact]
    public void Heatmap_InjectedFault_PredictionStillAnsweredWithTheReason()
    {
        var options = Options();
        options.HeatmapFault = () => throw new InvalidOperationException("injected heatmap fault");
        IActorRef model = Model(options, "tiny");
        model.Tell(Request(SolidImage(32, 32, SKColors.Red)));
        PredictionSucceeded answer = ExpectMsg<PredictionSucceeded>();
        Assert.False(answer.HeatmapAvailable);
        Assert.Contains("injected heatmap fault", answer.HeatmapError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heatmap_TimesOut_OnVirtualTime_PredictionStillAnswered()
    {
        using var gate = new Gate();
        var options = Options();
        options.HeatmapFault = () => gate.Enter("heatmap");
        IActorRef model = Model(options, "tiny");
        model.Tell(Request(SolidImage(32, 32, SKColors.Red)));
        await gate.WaitEnteredAsync();
        Scheduler.Advance(options.Heatmap.Timeout);
        PredictionSucceeded answer = ExpectMsg<PredictionSucceeded>();
        Assert.Contains("did not finish within 30 s", answer.HeatmapError, StringComparison.Ordinal);
        gate.Open();
    }

    [Theory]
    [InlineData("shape")]
    [InlineData("rank")]
    public void Submit_ModelRefusesTheInput_FailsThatJobOnly_OthersSucceed(string bad)
    {
        var options = Options();
        IActorRef wrong = Model(options, bad);
        IActorRef good = Model(options, "tiny");
        wrong.Tell(Request(SolidImage(32, 32, SKColors.Red), "bad"));
        good.Tell(Request(SolidImage(32, 32, SKColors.Red), "good"));
        var answers = new[] { ExpectMsg<object>(), ExpectMsg<object>() };
        PredictionFailed failed = Assert.Single(answers.OfType<PredictionFailed>());
        Assert.Equal(PredictionFailureKind.InferenceFailed, failed.Kind);
        Assert.Contains("ONNX Runtime refused the run", failed.Reason, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(answers.OfType<PredictionSucceeded>()).JobId);

        // The instance with the bad input still serves: a failed run is one job's failure.
        wrong.Tell(Request(SolidImage(8, 8, SKColors.Red), "again"));
        Assert.Equal(PredictionFailureKind.InferenceFailed, ExpectMsg<PredictionFailed>().Kind);
    }

    [Fact]
    public void Submit_NotAnImage_FailsTypedAsInvalidImage()
    {
        IActorRef model = Model(Options(), "tiny");
        model.Tell(Request("hello, I am text named photo.png"u8.ToArray()));
        PredictionFailed failed = ExpectMsg<PredictionFailed>();
        Assert.Equal(PredictionFailureKind.InvalidImage, failed.Kind);
        Assert.Equal(ImageRejection.UnsupportedType, failed.Rejection);
    }

    [Fact]
    public async Task Admission_QueueFull_AnswersOverloadedWithRetryAfter()
    {
        using var gate = new Gate();
        var options = Options();
        options.MaxConcurrentJobs = 1;
        options.QueueCapacity = 1;
        options.JobFault = gate.Enter;
        IActorRef model = Model(options, "tiny");
        byte[] image = SolidImage(16, 16, SKColors.Red);
        model.Tell(Request(image, "1"));
        await gate.WaitEnteredAsync();
        model.Tell(Request(image, "2"));
        model.Tell(Request(image, "3"));
        PredictionRefused refused = ExpectMsg<PredictionRefused>();
        Assert.Equal("3", refused.JobId);
        Assert.Equal(options.RetryAfter, refused.RetryAfter);
        gate.Open();
        Assert.Equal(["1", "2"], new[] { ExpectMsg<PredictionSucceeded>().JobId, ExpectMsg<PredictionSucceeded>().JobId }.Order());
    }

    [Fact]
    public async Task Job_PastItsTimeout_OnVirtualTime_AnsweredTimedOut_AndTheSlotIsFreed()
    {
        using var gate = new Gate();
        var options = Options();
        options.MaxConcurrentJobs = 1;
        options.JobFault = id =>
        {
            if (id == "slow")
            {
                gate.Enter(id);
            }
        };
        IActorRef model = Model(options, "tiny");
        model.Tell(Request(SolidImage(16, 16, SKColors.Red), "slow"));
        await gate.WaitEnteredAsync();
        model.Tell(Request(SolidImage(16, 16, SKColors.Red), "next"));
        Scheduler.Advance(TimeSpan.FromSeconds(119));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        PredictionFailed failed = ExpectMsg<PredictionFailed>();
        Assert.Equal(("slow", PredictionFailureKind.TimedOut), (failed.JobId, failed.Kind));
        Assert.Contains("120 s", failed.Reason, StringComparison.Ordinal);
        gate.Open();
        Assert.Equal("next", ExpectMsg<PredictionSucceeded>().JobId);
    }

    [Fact]
    public async Task Model_StoppedWithJobsRunningAndWaiting_AnswersEachModelStopped()
    {
        using var gate = new Gate();
        var options = Options();
        options.MaxConcurrentJobs = 1;
        options.QueueCapacity = 1;
        options.JobFault = gate.Enter;
        IActorRef model = Model(options, "tiny");
        model.Tell(Request(SolidImage(16, 16, SKColors.Red), "running"));
        await gate.WaitEnteredAsync();
        model.Tell(Request(SolidImage(16, 16, SKColors.Red), "waiting"));

        // The refusal of one more proves "waiting" sits in the model's queue (a stop overtakes a plain actor's mailbox).
        model.Tell(Request(SolidImage(16, 16, SKColors.Red), "overflow"));
        Assert.Equal("overflow", ExpectMsg<PredictionRefused>().JobId);
        Watch(model);

        // Stopped at once (a system message, ahead of the running job's outcome once the gate opens); Sys.Stop would
        // go through the guardian's mailbox and could let the job finish first.
        ((IInternalActorRef)model).Stop();
        gate.Open();
        var failures = new[] { ExpectMsg<PredictionFailed>(), ExpectMsg<PredictionFailed>() };
        Assert.All(failures, f => Assert.Equal(PredictionFailureKind.ModelStopped, f.Kind));
        Assert.Equal(["running", "waiting"], failures.Select(f => f.JobId).Order());
        ExpectTerminated(model);
    }

    [Fact]
    public void Model_RepeatedRunFailures_RestartsItsSession_AndAnswersEveryJob()
    {
        var options = Options();
        options.SuspectAfterFailures = 2;
        IActorRef model = Model(options, "shape");
        for (int i = 0; i < 4; i++)
        {
            model.Tell(Request(SolidImage(8, 8, SKColors.Red), $"j{i}"));
        }

        for (int i = 0; i < 4; i++)
        {
            Assert.IsType<PredictionFailed>(ExpectMsg<object>());
        }
    }

    [Fact]
    public void Memory_EmergencyRefusesNewJobs_UntilPressureEnds()
    {
        IActorRef model = Model(Options(), "tiny");
        model.Tell(Request(SolidImage(8, 8, SKColors.Red), "warm"));
        ExpectMsg<PredictionSucceeded>();
        Sys.EventStream.Publish(new Actors.Resilience.Memory.MemoryPressureChanged(true, TimeSpan.FromSeconds(5)));
        model.Tell(Request(SolidImage(8, 8, SKColors.Red), "refused"));
        PredictionRefused refused = ExpectMsg<PredictionRefused>();
        Assert.Contains("memory guard", refused.Reason, StringComparison.Ordinal);
        Sys.EventStream.Publish(new Actors.Resilience.Memory.MemoryPressureChanged(false, TimeSpan.FromSeconds(5)));
        model.Tell(Request(SolidImage(8, 8, SKColors.Red), "ok"));
        ExpectMsg<PredictionSucceeded>();
    }

    [Fact]
    public void Memory_JobsReportWhatTheyHold_ToTheGuardAndTheAggregator()
    {
        var reports = CreateTestProbe();
        Sys.EventStream.Subscribe(reports.Ref, typeof(Actors.Resilience.Memory.WorkloadMemory));
        IActorRef model = Model(Options(), "tiny");
        byte[] image = SolidImage(8, 8, SKColors.Red);
        model.Tell(Request(image, "counted"));
        PredictionSucceeded done = ExpectMsg<PredictionSucceeded>();

        // While the job runs its upload is held; when it has ended, none is, and its accounted memory is the largest so far.
        var running = reports.ExpectMsg<Actors.Resilience.Memory.WorkloadMemory>();
        Assert.Equal(("prediction/tiny", 1, image.LongLength), (running.Owner, running.Items, running.Bytes));
        var ended = reports.FishForMessage<Actors.Resilience.Memory.WorkloadMemory>(w => w.Items == 0);
        Assert.Equal(0, ended.Bytes);
        Assert.Equal(done.MemoryBytes, ended.LargestItemBytes);
        Assert.True(ended.LargestItemBytes > 8 * 8 * 4, $"accounted {ended.LargestItemBytes} bytes");
    }
}
