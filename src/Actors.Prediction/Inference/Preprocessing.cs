using Actors.Prediction.Configuration;
using SkiaSharp;

namespace Actors.Prediction.Inference;

/// <summary>Builds float32 CHW tensors (RGB) from working images, and turns outputs into scores.</summary>
internal static class Preprocessing
{
    private static readonly float[] s_mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] s_std = [0.229f, 0.224f, 0.225f];

    /// <summary>The classifier's input [1, 3, h, w] for <paramref name="model"/>.</summary>
    public static float[] ClassifierInput(SKBitmap image, ModelOptions model)
    {
        int h = model.InputHeight;
        int w = model.InputWidth;
        int resizedWidth = w;
        if (model.Resize == ResizeKind.Fit)
        {
            double ratio = (double)image.Width / image.Height;
            resizedWidth = Math.Clamp((int)Math.Ceiling(h * ratio), 1, w);
        }

        float[] tensor = new float[3 * h * w];
        using SKBitmap resized = Resize(image, resizedWidth, h);
        Fill(resized, tensor, w, h, model.Normalize);
        return tensor;
    }

    /// <summary>The heatmap model's input size for an image: long side at most <paramref name="maxSide"/>, each side a multiple of 32.</summary>
    public static (int Width, int Height) HeatmapSize(int width, int height, int maxSide)
    {
        double f = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        int w = Math.Max(32, (int)(width * f) / 32 * 32);
        int h = Math.Max(32, (int)(height * f) / 32 * 32);
        return (w, h);
    }

    public static SKBitmap Resize(SKBitmap image, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return image.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None))
            ?? throw new InvalidOperationException("SkiaSharp could not resize the image.");
    }

    /// <summary>Writes <paramref name="image"/> (RGBA) into the top-left of a CHW tensor of <paramref name="w"/> x <paramref name="h"/>; the rest stays 0.</summary>
    public static void Fill(SKBitmap image, float[] tensor, int w, int h, NormalizationKind normalize)
    {
        ReadOnlySpan<byte> pixels = image.GetPixelSpan();
        int rowBytes = image.RowBytes;
        int plane = w * h;
        int width = Math.Min(w, image.Width);
        int height = Math.Min(h, image.Height);
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = pixels.Slice(y * rowBytes, width * 4);
            for (int x = 0; x < width; x++)
            {
                int at = (y * w) + x;
                for (int c = 0; c < 3; c++)
                {
                    float v = row[(x * 4) + c] / 255f;
                    tensor[(c * plane) + at] = normalize switch
                    {
                        NormalizationKind.Paddle => (v - 0.5f) / 0.5f,
                        NormalizationKind.ImageNet => (v - s_mean[c]) / s_std[c],
                        _ => v,
                    };
                }
            }
        }
    }

    public static float[] Softmax(ReadOnlySpan<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        float[] result = new float[values.Length];
        float sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = MathF.Exp(values[i] - max);
            sum += result[i];
        }

        for (int i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }
}
