using Actors.Chaos.Faults;
using Actors.Prediction.Hosting;
using Actors.Prediction.Jobs;
using Actors.Resilience;
using SkiaSharp;

namespace Actors.Samples.Node.Chaos;

/// <summary>
/// A prediction job whose heatmap is over its memory budget: a real image submitted with a per-request cap of 16 KB
/// on its heatmap (the <c>heatmap_budget</c> form field of <c>POST /predict</c>), so the heatmap child fails alone
/// with its budget error before allocating, and the job still answers its prediction, with <c>heatmap_error</c>.
/// Nothing stands, so there is nothing to clear.
/// </summary>
internal sealed class HeatmapBudgetFault : IChaosFault
{
    private const long Budget = 16 * 1024;
    private static readonly Lazy<byte[]> s_image = new(Image);

    public string Name => "prediction-heatmap-over-budget";

    public string Description => "a prediction job whose heatmap needs more than its 16 KB cap: the heatmap child fails alone, the prediction is answered with heatmap_error";

    public async ValueTask<ChaosInjection> InjectAsync(ChaosContext context)
    {
        if (ResilienceRuntime.Get(context.System) is not { } resilience || PredictionRuntime.Get(context.System) is not { } runtime)
        {
            return ChaosInjection.Skipped("prediction is not running");
        }

        PredictionOutcome outcome = await new PredictionOperations(resilience, runtime)
            .SubmitAsync(s_image.Value, "chaos-heatmap-over-budget.png", model: null, Budget, context.CancellationToken)
            .ConfigureAwait(false);
        string target = $"prediction/{runtime.Options.DefaultModel}";
        return outcome.Reply is PredictionSucceeded { HeatmapError: { } error }
            ? ChaosInjection.Done(target, $"prediction answered, heatmap refused as expected: {error}")
            : ChaosInjection.Done(target, $"UNEXPECTED answer ({outcome.Status} {outcome.Title}: {outcome.Reply})");
    }

    public ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A 320x120 PNG with dark bars on white, shaped like lines of text.</summary>
    private static byte[] Image()
    {
        using var bitmap = new SKBitmap(320, 120);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Black };
            for (int line = 0; line < 3; line++)
            {
                canvas.DrawRect(20, 20 + (line * 32), 280 - (line * 40), 16, paint);
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
