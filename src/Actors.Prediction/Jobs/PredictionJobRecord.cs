namespace Actors.Prediction.Jobs;

/// <summary>A recent job as <c>pbm predict jobs</c> and the heatmap route see it.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Model">The model.</param>
/// <param name="At">When it was answered.</param>
/// <param name="Outcome">succeeded, failed:&lt;kind&gt; or refused.</param>
/// <param name="Label">The best label, when it succeeded.</param>
/// <param name="Detail">The reason of a failure or refusal, or the heatmap's error.</param>
/// <param name="Timings">Time per stage, when it ran.</param>
/// <param name="MemoryBytes">The job's accounted memory.</param>
/// <param name="Heatmap">The heatmap PNG, until a memory cleanup drops it.</param>
public sealed record PredictionJobRecord(string JobId, string Model, DateTimeOffset At, string Outcome, string? Label, string? Detail, StageTimings? Timings, long MemoryBytes, byte[]? Heatmap);
