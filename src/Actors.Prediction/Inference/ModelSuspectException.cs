namespace Actors.Prediction.Inference;

/// <summary>Thrown by a model actor whose runs kept failing: its session is suspect, so the instance restarts with a new one.</summary>
public sealed class ModelSuspectException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">How many runs failed, and the last error.</param>
    public ModelSuspectException(string message)
        : base(message)
    {
    }
}
