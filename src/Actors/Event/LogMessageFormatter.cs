using System.Globalization;
using System.Text;

namespace Actors.Event;

/// <summary>Renders templates with <c>{0}</c> or <c>{Name}</c> placeholders (filled by position); <c>{{</c> and <c>}}</c> escape braces.</summary>
public static class LogMessageFormatter
{
    /// <summary>Renders <paramref name="template"/> with <paramref name="args"/>; never throws on a malformed template.</summary>
    /// <param name="template">The template.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The rendered text.</returns>
    public static string Format(string template, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 && !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var sb = new StringBuilder(template.Length + 16 * args.Count);
        int next = 0;
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                sb.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                sb.Append('}');
                i++;
                continue;
            }

            int close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                sb.Append(c);
                continue;
            }

            string hole = template[(i + 1)..close];
            int colon = hole.IndexOf(':', StringComparison.Ordinal);
            string name = colon >= 0 ? hole[..colon] : hole;
            string? format = colon >= 0 ? hole[(colon + 1)..] : null;
            int index = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : next++;
            if (index < args.Count)
            {
                object? value = args[index];
                sb.Append(value is IFormattable f && format is not null ? f.ToString(format, CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null");
            }
            else
            {
                sb.Append(template, i, close - i + 1);
            }

            i = close;
        }

        return sb.ToString();
    }
}
