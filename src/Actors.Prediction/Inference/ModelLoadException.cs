namespace Actors.Prediction.Inference;

/// <summary>A model file that is missing or that ONNX Runtime cannot load; the message names the file and the fix.</summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public ModelLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">ONNX Runtime's error.</param>
    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
