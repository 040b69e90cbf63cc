using System.Text;

namespace Actors.Hocon;

/// <summary>Path expressions: parsing <c>a.b."c.d"</c> into segments and rendering segments back.</summary>
internal static class HoconPath
{
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(path))]
    public static string[]? Append(string[]? path, string key)
    {
        if (path is null)
        {
            return null;
        }

        var result = new string[path.Length + 1];
        Array.Copy(path, result, path.Length);
        result[^1] = key;
        return result;
    }

    public static string[] Concat(string[] a, string[] b)
    {
        if (a.Length == 0)
        {
            return b;
        }

        var result = new string[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }

    /// <summary>Parses a getter's path expression (the empty string is the root).</summary>
    public static string[] Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length == 0)
        {
            return [];
        }

        var parser = new HoconParser(expression, new ParseSession(new HoconParseOptions { OriginDescription = "path expression" }), "path expression", null, []);
        return parser.ParsePathExpression(expression);
    }

    /// <summary>Renders segments as a path expression, quoting segments that need it.</summary>
    public static string Render(IReadOnlyList<string> path)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < path.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            AppendKey(sb, path[i], allowDot: false);
        }

        return sb.ToString();
    }

    public static void AppendKey(StringBuilder sb, string key, bool allowDot)
    {
        if (NeedsQuotes(key, allowDot))
        {
            AppendQuoted(sb, key);
        }
        else
        {
            sb.Append(key);
        }
    }

    public static bool NeedsQuotes(string key, bool allowDot)
    {
        if (key.Length == 0 || key == "include")
        {
            return true;
        }

        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if ((c == '.' && !allowDot) || !CharClass.IsUnquotedAt(key, i) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendQuoted(sb, value);
        return sb.ToString();
    }
}
