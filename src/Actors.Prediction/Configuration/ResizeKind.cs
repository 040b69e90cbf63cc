namespace Actors.Prediction.Configuration;

/// <summary>How the working image is brought to the model's input size.</summary>
public enum ResizeKind
{
    /// <summary>Keep the aspect ratio, scale to the input height (at most the input width), pad the rest with zeros.</summary>
    Fit,

    /// <summary>Resize to the input size, ignoring the aspect ratio.</summary>
    Stretch,
}
