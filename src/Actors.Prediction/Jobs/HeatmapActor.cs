using System.Diagnostics;
using System.Globalization;
using Actors.Prediction.Configuration;
using Actors.Prediction.Inference;
using SkiaSharp;

namespace Actors.Prediction.Jobs;

/// <summary>
/// The heatmap of one job, a child that may fail alone: checks its memory budget before allocating, runs the heatmap
/// model on the resized working image and draws its single-channel output as a red overlay, encoded as PNG. Reads the
/// job's working image, which the job disposes only after this actor has stopped.
/// </summary>
internal sealed class HeatmapActor : ReceiveActor
{
    public HeatmapActor(PredictionOptions options, ModelOptions model, SharedSession session, SKBitmap image, JobControl control, long? requestBudget)
    {
        Receive<RunJob>(_ =>
        {
            long start = Stopwatch.GetTimestamp();
            options.HeatmapFault?.Invoke();
            (int w, int h) = Preprocessing.HeatmapSize(image.Width, image.Height, options.Heatmap.MaxSide);
            long plane = (long)w * h;
            // Input tensor (3 floats), output map (1 float), resized bitmap and overlay (4 bytes each), PNG (at most 4 bytes).
            long estimate = (plane * 3 * sizeof(float)) + (plane * sizeof(float)) + (plane * 4 * 3);
            bool capped = requestBudget is { } cap && cap < options.Heatmap.MemoryBudgetBytes;
            long budget = capped ? requestBudget!.Value : options.Heatmap.MemoryBudgetBytes;
            if (estimate > budget)
            {
                throw new HeatmapBudgetException(string.Create(CultureInfo.InvariantCulture,
                    $"a {w}x{h} heatmap needs about {estimate / 1048576.0:0.#} MB, more than its budget of {budget / 1048576.0:0.###} MB ({(capped ? "this request's heatmap_budget" : "actors.prediction.heatmap.memory-budget")})"));
            }

            using SKBitmap resized = Preprocessing.Resize(image, w, h);
            float[] input = new float[3 * plane];
            Preprocessing.Fill(resized, input, w, h, model.HeatmapNormalize);
            float[] map = ModelRunner.Run(session, input, [1, 3, h, w], control.HeatmapRunOptions, out long[] shape);
            if (map.Length < plane || shape.Length < 2 || shape[^1] != w || shape[^2] != h)
            {
                throw new InvalidDataException($"the heatmap model answered a map of shape [{string.Join(',', shape)}], expected [..,{h},{w}]");
            }

            byte[] png = Render(resized, map);
            Sender.Tell(new HeatmapDrawn(png, estimate, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        });
    }

    protected override void PreStart() => Self.Tell(RunJob.Instance, Context.Parent);

    /// <summary>Blends red over the image with opacity proportional to the map (0..1).</summary>
    private static byte[] Render(SKBitmap resized, float[] map)
    {
        using var overlay = new SKBitmap(new SKImageInfo(resized.Width, resized.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        ReadOnlySpan<byte> src = resized.GetPixelSpan();
        Span<byte> dst = overlay.GetPixelSpan();
        int width = resized.Width;
        for (int y = 0; y < resized.Height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int s = (y * resized.RowBytes) + (x * 4);
                int d = (y * overlay.RowBytes) + (x * 4);
                float a = Math.Clamp(map[(y * width) + x], 0f, 1f) * 0.7f;
                dst[d] = (byte)((src[s] * (1 - a)) + (255 * a));
                dst[d + 1] = (byte)(src[s + 1] * (1 - a));
                dst[d + 2] = (byte)(src[s + 2] * (1 - a));
                dst[d + 3] = 255;
            }
        }

        using SKData data = overlay.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the heatmap as PNG.");
        return data.ToArray();
    }
}
