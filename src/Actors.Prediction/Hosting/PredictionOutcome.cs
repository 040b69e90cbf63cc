namespace Actors.Prediction.Hosting;

/// <summary>One submission's outcome as the HTTP route and <c>pbm</c> show it.</summary>
/// <param name="Status">The HTTP status it maps to (200, 4xx, 503, 504).</param>
/// <param name="Title">A short title for a problem; <see langword="null"/> on success.</param>
/// <param name="Reply">The typed answer (a <see cref="Jobs.PredictionSucceeded"/> on success), or the reason text.</param>
/// <param name="RetryAfter">The retry hint of a refusal.</param>
public sealed record PredictionOutcome(int Status, string? Title, object Reply, TimeSpan? RetryAfter = null);
