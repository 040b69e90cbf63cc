using System.Text;

namespace Actors.Hocon;

/// <summary>Writes HOCON text safely, for code that builds configuration from other sources.</summary>
public static class HoconText
{
    /// <summary>
    /// Quotes <paramref name="value"/> as a HOCON string (also usable as one path element): JSON escapes for quotes,
    /// backslashes and control characters, so any text round-trips through the parser unchanged.
    /// </summary>
    /// <param name="value">The text.</param>
    /// <returns>The quoted string, e.g. <c>"a.b \"c\""</c>.</returns>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2);
        HoconPath.AppendQuoted(sb, value);
        return sb.ToString();
    }
}
