namespace Actors.Prediction.Images;

/// <summary>An upload that is not an acceptable image; the message says what is wrong and what is accepted.</summary>
public sealed class ImageRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the image was refused.</param>
    /// <param name="message">What is wrong and what is accepted.</param>
    public ImageRejectedException(ImageRejection reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the image was refused.</summary>
    public ImageRejection Reason { get; }
}
