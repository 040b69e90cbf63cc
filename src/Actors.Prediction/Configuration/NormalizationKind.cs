namespace Actors.Prediction.Configuration;

/// <summary>How pixel values (0-255) become the model's float32 inputs.</summary>
public enum NormalizationKind
{
    /// <summary><c>x / 255</c>.</summary>
    Unit,

    /// <summary>PaddleOCR's classifier: <c>(x / 255 - 0.5) / 0.5</c>.</summary>
    Paddle,

    /// <summary>ImageNet mean and standard deviation per channel (RGB).</summary>
    ImageNet,
}
