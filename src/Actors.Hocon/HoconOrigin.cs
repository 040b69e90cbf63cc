namespace Actors.Hocon;

/// <summary>
/// Where a HOCON value was written: the file or description of the text it came from and the
/// 1-based line and column of its first character.
/// </summary>
public sealed class HoconOrigin
{
    /// <summary>Creates an origin.</summary>
    /// <param name="description">The file path or description of the source (for example <c>string</c>).</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    public HoconOrigin(string description, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(description);
        Description = description;
        Line = line;
        Column = column;
    }

    /// <summary>The file path or description of the source text.</summary>
    public string Description { get; }

    /// <summary>The 1-based line of the value, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the value, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>Renders the origin as <c>description:line:column</c> (or just the description when the position is unknown).</summary>
    /// <returns>The rendered origin.</returns>
    public override string ToString() =>
        Line > 0 ? $"{Description}:{Line}:{Column}" : Description;
}
