namespace Actors.Hosting.Validation;

/// <summary>One failed start-up check: what was checked, what is wrong, and what to do about it.</summary>
/// <param name="Check">What was checked, e.g. <c>environment variable EXCHANGE_API_KEY</c>.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Remedy">What the operator should do.</param>
public sealed record StartupProblem(string Check, string Problem, string Remedy)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Check}: {Problem}. Fix: {Remedy}";
}
