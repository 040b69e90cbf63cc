namespace Actors.Prediction.Configuration;

/// <summary>ONNX Runtime session threading, from <c>actors.prediction.session</c>.</summary>
public sealed class SessionThreadOptions
{
    /// <summary>Threads within one operator.</summary>
    /// <value>1 (for small models one thread beats two on a shared 2-core machine).</value>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Threads across operators.</summary>
    /// <value>1.</value>
    public int InterOpThreads { get; set; } = 1;

    /// <summary>Whether idle ONNX Runtime threads spin.</summary>
    /// <value><see langword="false"/>.</value>
    public bool AllowSpinning { get; set; }
}
