using Actors.Chaos.Faults;
using Actors.Prediction.Hosting;
using Actors.Resilience;
using SkiaSharp;

namespace Actors.Samples.Node.Chaos;

/// <summary>
/// A prediction job with an input that must be refused, submitted through <see cref="PredictionOperations"/> (what
/// <c>POST /predict</c> and <c>pbm predict submit</c> call): bytes that are not an image (415), or a PNG whose header
/// declares more pixels than <c>actors.prediction.max-megapixels</c> (413). The job gets its typed refusal and nothing
/// else is affected; nothing stands, so there is nothing to clear. An answer that is not a refusal (a success, or a
/// 5xx) is reported as the injection's detail, so it shows in the status.
/// </summary>
/// <param name="name">The fault's name.</param>
/// <param name="oversized">Whether the input declares too many pixels (else it is not an image at all).</param>
internal sealed class PredictionFault(string name, bool oversized) : IChaosFault
{
    private static readonly Lazy<byte[]> s_oversized = new(OversizedPng);

    public string Name => name;

    public string Description => oversized
        ? "a prediction job whose PNG declares 40000x40000 pixels: refused 413 before decoding"
        : "a prediction job whose input is not an image: refused 415";

    public async ValueTask<ChaosInjection> InjectAsync(ChaosContext context)
    {
        if (ResilienceRuntime.Get(context.System) is not { } resilience || PredictionRuntime.Get(context.System) is not { } runtime)
        {
            return ChaosInjection.Skipped("prediction is not running");
        }

        byte[] input = oversized ? s_oversized.Value : "chaos: this is not an image"u8.ToArray();
        PredictionOutcome outcome = await new PredictionOperations(resilience, runtime)
            .SubmitAsync(input, oversized ? "chaos-oversized.png" : "chaos-not-an-image.png", model: null, context.CancellationToken)
            .ConfigureAwait(false);
        string typed = $"{outcome.Status} {outcome.Title}: {outcome.Reply}";
        return ChaosInjection.Done($"prediction/{runtime.Options.DefaultModel}", outcome.Status is 413 or 415 ? $"refused as expected ({typed})" : $"UNEXPECTED answer ({typed})");
    }

    public ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A valid 1x1 PNG whose header is rewritten to declare 40000x40000 (1,600 megapixels), with its CRC fixed.</summary>
    private static byte[] OversizedPng()
    {
        using var bitmap = new SKBitmap(1, 1);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        byte[] png = data.ToArray();

        // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), ... ; the CRC covers type and data (17 bytes).
        const int width = 16;
        WriteBigEndian(png, width, 40_000);
        WriteBigEndian(png, width + 4, 40_000);
        WriteBigEndian(png, 29, Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
