using System.Buffers.Binary;
using System.Text;
using Actors.Prediction.Configuration;
using Actors.Prediction.Images;
using SkiaSharp;

namespace Actors.Prediction.Tests.Images;

public sealed class ImageDecoderTests
{
    private static readonly PredictionOptions s_options = new();

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, ImageKind.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg, ImageKind.Jpeg)]
    public void Decode_ValidImage_KindFromContentAndSizeKept(SKEncodedImageFormat format, ImageKind kind)
    {
        using WorkingImage image = ImageDecoder.Decode(PredictionTestKit.SolidImage(300, 200, SKColors.Green, format), s_options);
        Assert.Equal((kind, 300, 200), (image.Kind, image.Width, image.Height));
    }

    [Fact]
    public void Decode_LargeJpeg_DecodedAtReducedScale_LongSideAtMost800()
    {
        using WorkingImage image = ImageDecoder.Decode(PredictionTestKit.SolidImage(4000, 3000, SKColors.Blue, SKEncodedImageFormat.Jpeg, 50), s_options);
        Assert.Equal((4000, 3000), (image.DeclaredWidth, image.DeclaredHeight));
        Assert.Equal((800, 600), (image.Width, image.Height));
    }

    [Fact]
    public void Decode_TextFile_RefusedAsUnsupportedType()
    {
        var e = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(Encoding.UTF8.GetBytes("just text, named photo.png"), s_options));
        Assert.Equal(ImageRejection.UnsupportedType, e.Reason);
        Assert.Contains("PNG or JPEG", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Empty_Refused() =>
        Assert.Equal(ImageRejection.Empty, Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode([], s_options)).Reason);

    [Fact]
    public void Decode_PngMagicThenGarbage_RefusedAsCorrupt()
    {
        byte[] data = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("garbage garbage garbage garbage")];
        var e = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(data, s_options));
        Assert.Contains(e.Reason, new[] { ImageRejection.Corrupt, ImageRejection.Truncated });
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public void Decode_Truncated_RefusedAsTruncated(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(400, 300);
        for (int y = 0; y < 300; y++)
        {
            for (int x = 0; x < 400; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 7), (byte)(y * 13), (byte)(x ^ y)));
            }
        }

        byte[] full = bitmap.Encode(format, 90).ToArray();
        var e = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(full[..(full.Length / 2)], s_options));
        Assert.Equal(ImageRejection.Truncated, e.Reason);
    }

    [Fact]
    public void Decode_HugeDeclaredDimensions_RefusedBeforeDecoding()
    {
        byte[] bomb = PngHeader(100_000, 100_000);
        var e = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(bomb, s_options));
        Assert.Equal(ImageRejection.TooManyPixels, e.Reason);
        Assert.Contains("100000x100000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OverTheUploadLimit_RefusedAsTooLarge()
    {
        var options = new PredictionOptions { MaxUploadBytes = 100 };
        Assert.Equal(ImageRejection.TooLarge, Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(PredictionTestKit.SolidImage(64, 64, SKColors.Red), options)).Reason);
    }

    /// <summary>A PNG signature and a valid IHDR chunk (with its CRC) declaring the size, and no pixel data.</summary>
    private static byte[] PngHeader(int width, int height)
    {
        byte[] ihdr = new byte[17];
        "IHDR"u8.CopyTo(ihdr);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(8), height);
        ihdr[12] = 8; // bit depth
        ihdr[13] = 6; // RGBA
        var png = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        png.AddRange(ihdr);
        AddCrc(png, ihdr);

        // A small deflate stream of zeros as the only IDAT: what a decompression bomb looks like, minus the bulk.
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[64 * 1024]);
        }

        byte[] idat = [.. "IDAT"u8, .. compressed.ToArray()];
        byte[] length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, idat.Length - 4);
        png.AddRange(length);
        png.AddRange(idat);
        AddCrc(png, idat);
        png.AddRange(new byte[] { 0, 0, 0, 0 });
        png.AddRange("IEND"u8.ToArray());
        AddCrc(png, "IEND"u8);
        return [.. png];
    }

    private static void AddCrc(List<byte> png, ReadOnlySpan<byte> chunk)
    {
        byte[] crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(chunk));
        png.AddRange(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
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
