using Actors.Prediction.Configuration;
using Actors.Prediction.Inference;
using Actors.Prediction.Jobs;
using SkiaSharp;

namespace Actors.Prediction.Tests.Jobs;

public sealed class ModelLoadTests : PredictionTestKit
{
    [Fact]
    public void Load_MissingFile_SaysHowToGetTheModels()
    {
        var e = Assert.Throws<ModelLoadException>(() => ModelRunner.Load(ModelPath("nowhere.onnx"), new SessionThreadOptions(), "'x'"));
        Assert.Contains("fetch-models.sh", e.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere.onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GarbageBytes_TypedLoadFailure()
    {
        var e = Assert.Throws<ModelLoadException>(() => ModelRunner.Load(ModelPath("garbage.onnx"), new SessionThreadOptions(), "'x'"));
        Assert.Contains("not a valid ONNX model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_GarbageFile_FailsToStart_RecordsWhy_WhileAnotherModelServes()
    {
        var options = Options();
        options.Models["garbage"] = Tiny("garbage", ModelPath("garbage.onnx"));
        var store = new PredictionJobStore(10);
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => Model(options, "garbage", store));
        Assert.Contains("not a valid ONNX model", store.LoadErrors["garbage"], StringComparison.Ordinal);
        IActorRef good = Model(options, "tiny", store);
        good.Tell(Request(SolidImage(8, 8, SKColors.Red)));
        ExpectMsg<PredictionSucceeded>();
    }

    [Fact]
    public void Leak_ThousandsOfJobsWithErrorPaths_MemoryStaysFlat()
    {
        var options = Options();
        options.MaxConcurrentJobs = 2;
        options.QueueCapacity = 10_000;
        IActorRef good = Model(options, "tiny");
        IActorRef bad = Model(options, "shape");
        byte[] image = SolidImage(64, 48, SKColors.Red);
        byte[] text = "not an image"u8.ToArray();
        byte[] truncated = SolidImage(64, 48, SKColors.Blue, SKEncodedImageFormat.Jpeg)[..200];

        void Round(int jobs)
        {
            for (int i = 0; i < jobs; i++)
            {
                (i % 4 == 3 ? bad : good).Tell(Request((i % 4) switch { 1 => text, 2 => truncated, _ => image }, $"j{i}"));
            }

            for (int i = 0; i < jobs; i++)
            {
                ExpectMsg<object>();
            }
        }

        options.SuspectAfterFailures = int.MaxValue;
        Round(500);
        long before = Measure();
        Round(3000);
        long after = Measure();
        Assert.True(after - before < 40L * 1024 * 1024, $"working set grew by {(after - before) / 1048576.0:0.0} MB over 3,000 jobs (from {before / 1048576.0:0} MB)");
    }

    private static long Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
