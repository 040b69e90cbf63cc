namespace Actors.Feeds.Confirm;

/// <summary>The result of a confirm call: always a bias, never an exception.</summary>
/// <param name="Bias">0 (sell) to 1 (buy); the fallback (0.5, neutral) unless confirmed.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Attempts">Attempts made (0 when disabled).</param>
/// <param name="Detail">Why it fell back, when it did.</param>
public sealed record ConfirmResult(double Bias, ConfirmOutcome Outcome, int Attempts, string? Detail);
