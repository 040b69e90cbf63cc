namespace Actors.Prediction.Images;

/// <summary>Why an upload was refused before or while decoding.</summary>
public enum ImageRejection
{
    /// <summary>No bytes.</summary>
    Empty,

    /// <summary>More bytes than <c>max-upload-bytes</c>.</summary>
    TooLarge,

    /// <summary>The first bytes are neither PNG nor JPEG.</summary>
    UnsupportedType,

    /// <summary>The header declares more pixels than <c>max-megapixels</c> (a decompression bomb, or just too big).</summary>
    TooManyPixels,

    /// <summary>The header or the pixel data cannot be read.</summary>
    Corrupt,

    /// <summary>The file ends before its pixel data does.</summary>
    Truncated,
}
