using Actors.Prediction.Jobs;
using SkiaSharp;

namespace Actors.Prediction.Tests.Jobs;

/// <summary>
/// The leak check measures the process's working set, so it runs alone (its own collection, not in parallel with
/// the other test classes, whose allocations would show up in its figure).
/// </summary>
[Collection(LeakTests.Collection)]
public sealed class LeakTests : PredictionTestKit
{
    public const string Collection = "working set";

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
