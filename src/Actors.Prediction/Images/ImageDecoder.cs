using System.Globalization;
using Actors.Prediction.Configuration;
using SkiaSharp;

namespace Actors.Prediction.Images;

/// <summary>
/// Checks and decodes uploads: size, magic bytes and the header's declared dimensions are checked before any pixel
/// is decoded; large images are decoded at reduced scale (JPEG) and then resized, so the working image's long side
/// is at most <see cref="PredictionOptions.WorkingMaxSide"/> and a 6000 px upload never exists at full size.
/// </summary>
internal static class ImageDecoder
{
    public static WorkingImage Decode(byte[] data, PredictionOptions options)
    {
        if (data.Length == 0)
        {
            throw new ImageRejectedException(ImageRejection.Empty, "The upload is empty: send a PNG or JPEG image in the multipart field 'image'.");
        }

        if (data.Length > options.MaxUploadBytes)
        {
            throw new ImageRejectedException(ImageRejection.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"The upload has {data.Length} bytes, more than the limit of {options.MaxUploadBytes} (actors.prediction.max-upload-bytes)."));
        }

        ImageKind kind = ImageProbe.Detect(data);
        if (kind == ImageKind.Unknown)
        {
            throw new ImageRejectedException(ImageRejection.UnsupportedType,
                "The upload is not a PNG or JPEG image (decided by its first bytes, not its name or declared type): send a PNG or JPEG.");
        }

        // The codec owns the stream it wraps and reads the header only here.
        using SKCodec? codec = SKCodec.Create(new MemoryStream(data, writable: false), out SKCodecResult created);
        if (codec is null)
        {
            throw new ImageRejectedException(created == SKCodecResult.IncompleteInput ? ImageRejection.Truncated : ImageRejection.Corrupt,
                $"The {kind.ToString().ToUpperInvariant()} header cannot be read ({created}): the file is corrupt or truncated.");
        }

        int width = codec.Info.Width;
        int height = codec.Info.Height;
        double megapixels = (double)width * height / 1_000_000;
        if (width <= 0 || height <= 0)
        {
            throw new ImageRejectedException(ImageRejection.Corrupt, "The image header declares no pixels.");
        }

        if (megapixels > options.MaxMegapixels)
        {
            throw new ImageRejectedException(ImageRejection.TooManyPixels, string.Create(CultureInfo.InvariantCulture,
                $"The image declares {width}x{height} = {megapixels:0.#} megapixels, more than the limit of {options.MaxMegapixels} (actors.prediction.max-megapixels)."));
        }

        // Reduced-scale decode: the codec picks the nearest size it supports (JPEG: 1/2, 1/4, 1/8; PNG: full size).
        int longSide = Math.Max(width, height);
        float scale = longSide > options.WorkingMaxSide ? (float)options.WorkingMaxSide / longSide : 1f;
        SKSizeI decodeSize = scale < 1f ? codec.GetScaledDimensions(scale) : new SKSizeI(width, height);
        if (decodeSize.Width < 1 || decodeSize.Height < 1 || Math.Max(decodeSize.Width, decodeSize.Height) < options.WorkingMaxSide && scale < 1f)
        {
            decodeSize = new SKSizeI(width, height);
        }

        var info = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var decoded = new SKBitmap(info);
        try
        {
            SKCodecResult result = codec.GetPixels(info, decoded.GetPixels());
            if (result == SKCodecResult.IncompleteInput)
            {
                throw new ImageRejectedException(ImageRejection.Truncated, $"The {kind.ToString().ToUpperInvariant()} file ends before its pixel data does: it is truncated.");
            }

            if (result != SKCodecResult.Success)
            {
                throw new ImageRejectedException(ImageRejection.Corrupt, $"The {kind.ToString().ToUpperInvariant()} pixel data cannot be decoded ({result}): the file is corrupt.");
            }

            SKBitmap working = Shrink(decoded, options.WorkingMaxSide);
            if (!ReferenceEquals(working, decoded))
            {
                decoded.Dispose();
            }

            return new WorkingImage(working, kind, width, height);
        }
        catch
        {
            decoded.Dispose();
            throw;
        }
    }

    /// <summary>Resizes so the long side is at most <paramref name="maxSide"/>; returns the same bitmap when it already fits.</summary>
    public static SKBitmap Shrink(SKBitmap bitmap, int maxSide)
    {
        int longSide = Math.Max(bitmap.Width, bitmap.Height);
        if (longSide <= maxSide)
        {
            return bitmap;
        }

        double f = (double)maxSide / longSide;
        var target = new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * f)), Math.Max(1, (int)Math.Round(bitmap.Height * f)), SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return bitmap.Resize(target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None))
            ?? throw new InvalidOperationException("SkiaSharp could not resize the working image.");
    }
}
