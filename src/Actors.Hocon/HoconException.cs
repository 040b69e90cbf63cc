using System.Text;

namespace Actors.Hocon;

/// <summary>
/// The single exception type raised by the HOCON library: parse errors, unresolved or cyclic
/// substitutions, include failures and getter type errors. The message always has the form
/// <c>origin:line:column: path: detail</c> (parts that are unknown are left out).
/// </summary>
public sealed class HoconException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public HoconException()
        : this("HOCON configuration error")
    {
    }

    /// <summary>Creates an exception with the given message and no position.</summary>
    /// <param name="message">The message.</param>
    public HoconException(string message)
        : base(message)
    {
        Detail = message;
    }

    /// <summary>Creates an exception with the given message, wrapping another exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    /// <summary>Creates an exception that names where the problem is.</summary>
    /// <param name="detail">What went wrong.</param>
    /// <param name="origin">The file or description of the source text, when known.</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="path">The configuration path being read or parsed, when known.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public HoconException(string detail, string? origin, int line, int column, string? path, Exception? innerException = null)
        : base(Format(detail, origin, line, column, path), innerException)
    {
        Detail = detail;
        Origin = origin;
        Line = line;
        Column = column;
        Path = path;
    }

    internal HoconException(string detail, HoconOrigin? origin, string? path, Exception? innerException = null)
        : this(detail, origin?.Description, origin?.Line ?? 0, origin?.Column ?? 0, path, innerException)
    {
    }

    /// <summary>The file path or description of the source text (for example <c>string</c>), when known.</summary>
    public string? Origin { get; }

    /// <summary>The 1-based line of the problem, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The configuration path being read or parsed, when known.</summary>
    public string? Path { get; }

    /// <summary>The description of the problem without the position prefix.</summary>
    public string Detail { get; }

    /// <summary>True when the error is a substitution that could not be resolved (it may resolve once a fallback is added).</summary>
    internal bool IsUnresolvedSubstitution { get; init; }

    internal HoconException Copy() =>
        new(Detail, Origin, Line, Column, Path, this) { IsUnresolvedSubstitution = IsUnresolvedSubstitution };

    private static string Format(string detail, string? origin, int line, int column, string? path)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(origin))
        {
            sb.Append(origin);
            if (line > 0)
            {
                sb.Append(':').Append(line).Append(':').Append(column);
            }

            sb.Append(": ");
        }

        if (!string.IsNullOrEmpty(path))
        {
            sb.Append(path).Append(": ");
        }

        sb.Append(detail);
        return sb.ToString();
    }
}
