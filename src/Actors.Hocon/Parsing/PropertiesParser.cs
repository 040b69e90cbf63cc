using System.Globalization;
using System.Text;

namespace Actors.Hocon;

/// <summary>A minimal Java <c>.properties</c> reader: keys are dot-separated paths and every value is a string.</summary>
internal static class PropertiesParser
{
    public static RawObject Parse(string text, string description, string[]? prefix)
    {
        var root = new RawObject(new HoconOrigin(description, 1, 1));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int firstLine = i + 1;
            var line = lines[i].TrimStart(' ', '\t', '\f');
            if (line.Length == 0 || line[0] == '#' || line[0] == '!')
            {
                continue;
            }

            var logical = new StringBuilder(line);
            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(lines[++i].TrimStart(' ', '\t', '\f'));
            }

            if (EndsWithContinuation(logical))
            {
                logical.Length--;
            }

            var (key, value) = Split(logical.ToString(), description, firstLine);
            if (key.Length == 0)
            {
                continue;
            }

            var origin = new HoconOrigin(description, firstLine, 1);
            var segments = key.Split('.');
            if (segments.Any(s => s.Length == 0))
            {
                segments = [key];
            }

            Put(root, prefix, segments, new RawLiteral(new HoconString(origin, value)), origin);
        }

        return root;
    }

    private static void Put(RawObject root, string[]? prefix, string[] segments, RawLiteral value, HoconOrigin origin)
    {
        var current = root;
        for (int i = 0; i < segments.Length - 1; i++)
        {
            if (current.Fields.TryGetValue(segments[i], out var existing) && existing is RawObject o)
            {
                current = o;
                continue;
            }

            var created = new RawObject(origin);
            current.Fields[segments[i]] = created;
            current = created;
        }

        // An object always wins over a plain value for the same key.
        if (current.Fields.TryGetValue(segments[^1], out var old) && old is RawObject)
        {
            return;
        }

        _ = prefix;
        current.Fields[segments[^1]] = value;
    }

    private static bool EndsWithContinuation(StringBuilder sb)
    {
        int backslashes = 0;
        for (int i = sb.Length - 1; i >= 0 && sb[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) Split(string line, string description, int lineNumber)
    {
        var key = new StringBuilder();
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c is '=' or ':' or ' ' or '\t' or '\f')
            {
                break;
            }

            if (c == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i, key, description, lineNumber);
                continue;
            }

            key.Append(c);
            i++;
        }

        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
            while (i < line.Length && line[i] is ' ' or '\t' or '\f')
            {
                i++;
            }
        }

        var value = new StringBuilder();
        while (i < line.Length)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i, value, description, lineNumber);
                continue;
            }

            value.Append(line[i++]);
        }

        return (key.ToString(), value.ToString());
    }

    private static int Unescape(string line, int i, StringBuilder sb, string description, int lineNumber)
    {
        char e = line[i + 1];
        switch (e)
        {
            case 't': sb.Append('\t'); return i + 2;
            case 'n': sb.Append('\n'); return i + 2;
            case 'r': sb.Append('\r'); return i + 2;
            case 'f': sb.Append('\f'); return i + 2;
            case 'u':
                if (i + 6 <= line.Length
                    && int.TryParse(line.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                {
                    sb.Append((char)code);
                    return i + 6;
                }

                throw new HoconException("invalid \\u escape in a .properties file", description, lineNumber, i + 1, null);
            default:
                sb.Append(e);
                return i + 2;
        }
    }
}
