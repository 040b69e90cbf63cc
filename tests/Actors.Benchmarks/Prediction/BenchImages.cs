using SkiaSharp;

namespace Actors.Benchmarks.Prediction;

/// <summary>Images for the prediction benchmarks: lines of dark marks on a light, noisy page (JPEG), like a photographed document.</summary>
internal static class BenchImages
{
    public static byte[] Page(int width, int height, int quality = 85)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(235, 232, 225));
            var random = new Random(42);
            using var ink = new SKPaint { Color = new SKColor(30, 30, 30) };
            float line = height / 12f;
            for (float y = line; y < height - line; y += line)
            {
                for (float x = width * 0.05f; x < width * 0.9f;)
                {
                    float w = (float)(random.NextDouble() * width * 0.06) + (width * 0.01f);
                    canvas.DrawRect(x, y, w, line * 0.45f, ink);
                    x += w + (width * 0.015f);
                }
            }

            using var noise = new SKPaint { Color = new SKColor(0, 0, 0, 40) };
            for (int i = 0; i < width * height / 200; i++)
            {
                canvas.DrawPoint(random.Next(width), random.Next(height), noise);
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
