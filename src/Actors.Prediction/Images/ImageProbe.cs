namespace Actors.Prediction.Images;

/// <summary>Decides an upload's type by its content (never by its name).</summary>
public static class ImageProbe
{
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <summary>The type the first bytes of <paramref name="data"/> announce.</summary>
    /// <param name="data">The upload.</param>
    /// <returns>The type, or <see cref="ImageKind.Unknown"/>.</returns>
    public static ImageKind Detect(ReadOnlySpan<byte> data) =>
        data.StartsWith(PngMagic) ? ImageKind.Png : data.StartsWith(JpegMagic) ? ImageKind.Jpeg : ImageKind.Unknown;
}
