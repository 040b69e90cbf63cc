namespace Actors.Hocon;

/// <summary>Character classes of the HOCON grammar.</summary>
internal static class CharClass
{
    /// <summary>Whitespace other than the newline (which separates fields).</summary>
    public static bool IsSpace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    /// <summary>Characters that may not appear in unquoted text.</summary>
    public static bool IsForbidden(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\' => true,
        _ => false,
    };

    /// <summary>True when the unquoted text at <paramref name="pos"/> continues (not whitespace, forbidden or a <c>//</c> comment).</summary>
    public static bool IsUnquotedAt(string text, int pos)
    {
        char c = text[pos];
        if (c == '\n' || IsSpace(c) || IsForbidden(c))
        {
            return false;
        }

        return !(c == '/' && pos + 1 < text.Length && text[pos + 1] == '/');
    }
}
