using Actors.Resilience.Errors;

namespace Actors.Resilience.Operations;

/// <summary>A failure in the form shown to anyone who is not an operator: it has no stack trace field at all.</summary>
/// <param name="Sequence">Position in the journal.</param>
/// <param name="Time">When.</param>
/// <param name="ActorPath">The failed actor.</param>
/// <param name="UnitKind">Its unit kind, if any.</param>
/// <param name="UnitId">Its unit id, if any.</param>
/// <param name="ExceptionType">The exception's type.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="Directive">What the supervisor decided (<c>Restart</c>, <c>Stop</c>...).</param>
public sealed record PublicError(
    long Sequence,
    DateTimeOffset Time,
    string ActorPath,
    string? UnitKind,
    string? UnitId,
    string ExceptionType,
    string Message,
    string Directive)
{
    /// <summary>The public form of a journal entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The public form.</returns>
    public static PublicError From(ErrorEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new PublicError(entry.Sequence, entry.Time, entry.ActorPath, entry.UnitKind, entry.UnitId, entry.ExceptionType, entry.Message, entry.Directive.ToString());
    }
}
