namespace Actors.Resilience.Errors;

/// <summary>One failure as the error journal recorded it (the operator's form: it may carry the stack trace).</summary>
/// <param name="Sequence">Position in the journal, 1 for the first failure ever recorded.</param>
/// <param name="Time">When the supervisor decided, on the system's clock.</param>
/// <param name="ActorPath">The failed actor's path without the address.</param>
/// <param name="UnitKind">The unit kind when the actor lives under <c>/user/units/&lt;kind&gt;/&lt;id&gt;</c>.</param>
/// <param name="UnitId">The unit instance id in that case.</param>
/// <param name="ExceptionType">The full name of the exception's type.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="Directive">What the supervisor decided.</param>
/// <param name="StackTrace">The stack trace, or <see langword="null"/> unless asked for by an operator.</param>
public sealed record ErrorEntry(
    long Sequence,
    DateTimeOffset Time,
    string ActorPath,
    string? UnitKind,
    string? UnitId,
    string ExceptionType,
    string Message,
    Directive Directive,
    string? StackTrace)
{
    /// <summary>This entry without its stack trace.</summary>
    /// <returns>The copy.</returns>
    public ErrorEntry WithoutStackTrace() => StackTrace is null ? this : this with { StackTrace = null };
}
