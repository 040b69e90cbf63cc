using SkiaSharp;

namespace Actors.Prediction.Images;

/// <summary>A decoded image at working size (RGBA, 8 bits per channel); owns its bitmap.</summary>
internal sealed class WorkingImage : IDisposable
{
    public WorkingImage(SKBitmap bitmap, ImageKind kind, int declaredWidth, int declaredHeight)
    {
        Bitmap = bitmap;
        Kind = kind;
        DeclaredWidth = declaredWidth;
        DeclaredHeight = declaredHeight;
    }

    public SKBitmap Bitmap { get; }

    public ImageKind Kind { get; }

    public int DeclaredWidth { get; }

    public int DeclaredHeight { get; }

    public int Width => Bitmap.Width;

    public int Height => Bitmap.Height;

    /// <summary>The bytes of the working pixels.</summary>
    public long Bytes => (long)Bitmap.RowBytes * Bitmap.Height;

    public void Dispose() => Bitmap.Dispose();
}
