using Actors.Prediction.Configuration;
using Actors.Prediction.Jobs;
using Akka.TestKit;
using SkiaSharp;

namespace Actors.Prediction.Tests;

/// <summary>
/// The base of the prediction tests: Akka's xunit TestKit on virtual time (Akka.TestKit's TestScheduler). Nothing
/// sleeps: jobs that must stay running are held by a <see cref="Gate"/> (an explicit signal), timers fire on
/// <see cref="TestScheduler.Advance"/>.
/// </summary>
public abstract class PredictionTestKit : Akka.TestKit.Xunit2.TestKit
{
    protected static readonly TimeSpan Signal = TimeSpan.FromSeconds(20);

    protected PredictionTestKit(string? systemName = null)
        : base(Akka.Configuration.ConfigurationFactory.ParseString("""
            akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
            akka.loglevel = ERROR
            akka.stdout-loglevel = OFF
            akka.log-dead-letters = off
            akka.test.single-expect-default = 20s
            """), systemName)
    {
    }

    protected TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    public static string ModelPath(string file) => Path.Combine(AppContext.BaseDirectory, "Models", file);

    /// <summary>Options serving the generated models: "tiny" (with the tiny heatmap), "shape" (fixed 4x4 input), "rank" (rank-2 input).</summary>
    public static PredictionOptions Options()
    {
        var o = new PredictionOptions { DefaultModel = "tiny", MaxConcurrentJobs = 2, QueueCapacity = 4 };
        o.Models["tiny"] = Tiny("tiny", ModelPath("tiny_classifier.onnx"));
        o.Models["shape"] = Tiny("shape", ModelPath("fixed_4x4.onnx"));
        o.Models["rank"] = Tiny("rank", ModelPath("rank2.onnx"));
        o.Models["shape"].HeatmapPath = string.Empty;
        o.Models["rank"].HeatmapPath = string.Empty;
        return o;
    }

    public static ModelOptions Tiny(string name, string path) => new(name, path)
    {
        InputWidth = 16,
        InputHeight = 8,
        Normalize = NormalizationKind.Unit,
        Resize = ResizeKind.Stretch,
        Labels = ["a", "b"],
        HeatmapPath = ModelPath("tiny_heatmap.onnx"),
        HeatmapNormalize = NormalizationKind.Unit,
    };

    protected IActorRef Model(PredictionOptions options, string name, PredictionJobStore? store = null) =>
        Sys.ActorOf(Props.Create(() => new ModelActor(options, options.Models[name], store ?? new PredictionJobStore(100))));

    public static byte[] SolidImage(int width, int height, SKColor color, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 90)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(color);
        using SKData data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static PredictionRequest Request(byte[] image, string id = "job") => new(id, image);
}
