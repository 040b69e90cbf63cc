namespace Actors.Prediction.Images;

/// <summary>An image type recognized by its first bytes.</summary>
public enum ImageKind
{
    /// <summary>Not a recognized image.</summary>
    Unknown,

    /// <summary>PNG (<c>89 50 4E 47 0D 0A 1A 0A</c>).</summary>
    Png,

    /// <summary>JPEG (<c>FF D8 FF</c>).</summary>
    Jpeg,
}
