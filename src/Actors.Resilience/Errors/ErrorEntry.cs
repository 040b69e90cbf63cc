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
    private string? _stackTrace = StackTrace;

    /// <summary>The exception whose text is rendered when the stack trace is first read; null once rendered.</summary>
    private Exception? _unrendered;

    /// <summary>The stack trace, or <see langword="null"/> unless asked for by an operator.</summary>
    /// <value>The exception's full text (type, message, stack trace, inner exceptions), rendered when first read.</value>
    public string? StackTrace
    {
        get
        {
            if (Volatile.Read(ref _unrendered) is { } cause)
            {
                // Two threads rendering at once get the same text; whichever is stored first stays.
                Interlocked.CompareExchange(ref _stackTrace, cause.ToString(), null);
                Volatile.Write(ref _unrendered, null);
            }

            return _stackTrace;
        }

        init
        {
            // A copy given its own stack trace (or none) no longer renders the original's.
            _stackTrace = value;
            _unrendered = null;
        }
    }

    /// <summary>
    /// An entry whose stack trace is rendered from <paramref name="cause"/> (none when it is null) when it is first
    /// read, not when the failure is recorded: rendering (with the symbols' files and lines) costs more than everything else the resilience layer
    /// does for a failure, and most entries are never read with their stack trace.
    /// </summary>
    internal static ErrorEntry Deferred(
        long sequence,
        DateTimeOffset time,
        string actorPath,
        string? unitKind,
        string? unitId,
        string exceptionType,
        string message,
        Directive directive,
        Exception? cause) =>
        new(sequence, time, actorPath, unitKind, unitId, exceptionType, message, directive, null) { _unrendered = cause };

    /// <summary>This entry without its stack trace.</summary>
    /// <returns>The copy.</returns>
    public ErrorEntry WithoutStackTrace() =>
        Volatile.Read(ref _unrendered) is null && _stackTrace is null ? this : this with { StackTrace = null };

    /// <summary>Equal when every field is, the stack trace compared as text (rendered if it was not yet).</summary>
    /// <param name="other">The entry to compare with.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ErrorEntry? other) =>
        other is not null
        && Sequence == other.Sequence
        && Time == other.Time
        && ActorPath == other.ActorPath
        && UnitKind == other.UnitKind
        && UnitId == other.UnitId
        && ExceptionType == other.ExceptionType
        && Message == other.Message
        && Directive == other.Directive
        && StackTrace == other.StackTrace;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequence, Time, ActorPath, UnitKind, UnitId, ExceptionType, Message, HashCode.Combine(Directive, StackTrace));
}
