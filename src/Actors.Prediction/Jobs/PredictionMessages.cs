namespace Actors.Prediction.Jobs;

/// <summary>
/// A prediction request, sent to the <c>prediction</c> unit kind as <c>new UnitMessage("prediction", model, request)</c>.
/// Answered with exactly one of <see cref="PredictionSucceeded"/>, <see cref="PredictionFailed"/>,
/// <see cref="PredictionRefused"/> (or the resilience layer's own outcomes: <c>CircuitOpen</c>, <c>UnitWorkerFailed</c>,
/// <c>UnitBufferOverflow</c>, <c>Overloaded</c>).
/// </summary>
/// <param name="JobId">The job's id (letters, digits and dashes).</param>
/// <param name="Image">The upload's bytes; the type is decided by its content.</param>
/// <param name="FileName">The sanitized upload name, for display only (never a path).</param>
/// <param name="HeatmapBudgetBytes">
/// A cap the caller puts on this job's heatmap memory: it only lowers <c>actors.prediction.heatmap.memory-budget</c>
/// (a heatmap over it is not drawn, and the prediction is answered with <c>heatmap_error</c> saying so).
/// </param>
public sealed record PredictionRequest(string JobId, byte[] Image, string? FileName = null, long? HeatmapBudgetBytes = null);

/// <summary>A label and its score.</summary>
/// <param name="Label">The label.</param>
/// <param name="Score">The score.</param>
public sealed record LabelScore(string Label, float Score);

/// <summary>Milliseconds spent in each stage of a job.</summary>
/// <param name="QueuedMs">Waiting for a slot.</param>
/// <param name="DecodeMs">Checking and decoding the image.</param>
/// <param name="PreprocessMs">Resizing and building the input tensor.</param>
/// <param name="InferenceMs">The model's run.</param>
/// <param name="PostprocessMs">Turning outputs into scores.</param>
/// <param name="HeatmapMs">The heatmap child (0 when none ran).</param>
/// <param name="TotalMs">From admission to the answer.</param>
public sealed record StageTimings(double QueuedMs, double DecodeMs, double PreprocessMs, double InferenceMs, double PostprocessMs, double HeatmapMs, double TotalMs);

/// <summary>A job's successful answer: the prediction, and the heatmap or why there is none.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Model">The model that answered.</param>
/// <param name="Label">The best label.</param>
/// <param name="Scores">Every label's score, in the model's output order.</param>
/// <param name="Timings">Time per stage.</param>
/// <param name="Width">The upload's declared width.</param>
/// <param name="Height">The upload's declared height.</param>
/// <param name="WorkingWidth">The working image's width (decoded at reduced scale when large).</param>
/// <param name="WorkingHeight">The working image's height.</param>
/// <param name="MemoryBytes">The job's accounted memory: decoded pixels, tensors, outputs, heatmap.</param>
/// <param name="HeatmapAvailable">Whether a heatmap PNG was produced.</param>
/// <param name="HeatmapError">Why there is no heatmap, when there is none.</param>
public sealed record PredictionSucceeded(
    string JobId,
    string Model,
    string Label,
    IReadOnlyList<LabelScore> Scores,
    StageTimings Timings,
    int Width,
    int Height,
    int WorkingWidth,
    int WorkingHeight,
    long MemoryBytes,
    bool HeatmapAvailable,
    string? HeatmapError);

/// <summary>A job that failed; the others go on.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Model">The model.</param>
/// <param name="Kind">What failed.</param>
/// <param name="Reason">What went wrong and, where there is one, the fix. Never a stack trace.</param>
/// <param name="Rejection">For <see cref="PredictionFailureKind.InvalidImage"/>: why the image was refused.</param>
public sealed record PredictionFailed(string JobId, string Model, PredictionFailureKind Kind, string Reason, Images.ImageRejection? Rejection = null);

/// <summary>A job refused at admission: the model's queue is full, or the memory guard refuses new work.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Model">The model.</param>
/// <param name="Reason">Why.</param>
/// <param name="RetryAfter">When to try again.</param>
public sealed record PredictionRefused(string JobId, string Model, string Reason, TimeSpan RetryAfter);

/// <summary>What failed in a <see cref="PredictionFailed"/> job.</summary>
public enum PredictionFailureKind
{
    /// <summary>The upload is not an acceptable image.</summary>
    InvalidImage,

    /// <summary>ONNX Runtime refused the input or failed during the run (wrong shape or rank, for example).</summary>
    InferenceFailed,

    /// <summary>The job did not finish within <c>job-timeout</c>.</summary>
    TimedOut,

    /// <summary>The model's instance restarted or stopped while the job waited or ran.</summary>
    ModelStopped,
}
