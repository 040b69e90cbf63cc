using System.Text;

namespace Actors.Cmd;

/// <summary>Plain-text layouts for command responses: aligned tables and key/value lists.</summary>
public static class CmdText
{
    /// <summary>Renders rows under headers with columns aligned by padding.</summary>
    /// <param name="headers">Column titles.</param>
    /// <param name="rows">Rows; each as many cells as there are headers.</param>
    /// <returns>The table, lines separated by '\n', no trailing newline.</returns>
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        List<IReadOnlyList<string>> all = [headers, .. rows];
        int[] widths = new int[headers.Count];
        foreach (IReadOnlyList<string> row in all)
        {
            for (int i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var sb = new StringBuilder();
        for (int r = 0; r < all.Count; r++)
        {
            if (r > 0)
            {
                sb.Append('\n');
            }

            AppendRow(sb, all[r], widths);
            if (r == 0)
            {
                sb.Append('\n');
                AppendRow(sb, widths.Select(w => new string('-', w)).ToArray(), widths);
            }
        }

        return sb.ToString();
    }

    /// <summary>Renders key/value pairs with the values aligned.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <returns>The text, no trailing newline.</returns>
    public static string KeyValues(IEnumerable<(string Key, string Value)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.ToList();
        int width = list.Count == 0 ? 0 : list.Max(p => p.Key.Length);
        return string.Join('\n', list.Select(p => p.Key.PadRight(width) + "  " + p.Value));
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
    {
        int start = sb.Length;
        for (int i = 0; i < widths.Length; i++)
        {
            string cell = i < cells.Count ? cells[i] : string.Empty;
            sb.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
        }

        int end = sb.Length;
        while (end > start && sb[end - 1] == ' ')
        {
            end--;
        }

        sb.Length = end;
    }
}
