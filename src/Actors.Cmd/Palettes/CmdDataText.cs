using System.Globalization;
using System.Text.Json;

namespace Actors.Cmd;

/// <summary>Lays out any response data for people: objects as key/value lists, arrays of objects as tables.</summary>
public static class CmdDataText
{
    /// <summary>Renders <paramref name="data"/> as text.</summary>
    /// <param name="data">Any object serializable with <see cref="CmdJson.Options"/>.</param>
    /// <returns>Aligned text.</returns>
    public static string Render(object? data)
    {
        if (data is null)
        {
            return "(nothing)";
        }

        JsonElement e = JsonSerializer.SerializeToElement(data, data.GetType(), CmdJson.Options);
        return Render(e);
    }

    private static string Render(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => RenderObject(e),
        JsonValueKind.Array when e.GetArrayLength() == 0 => "(none)",
        JsonValueKind.Array when IsTable(e) => Table(e),
        _ => Cell(e),
    };

    /// <summary>
    /// Scalars and small values as aligned key/value lines; each non-empty list of objects as its own table under a
    /// title after them, so that no list ends up on one endless line.
    /// </summary>
    private static string RenderObject(JsonElement o)
    {
        var pairs = new List<(string Key, string Value)>();
        var tables = new List<string>();
        foreach (JsonProperty p in o.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() > 0 && IsTable(p.Value))
            {
                tables.Add(p.Name + ":\n" + Table(p.Value));
            }
            else
            {
                pairs.Add((p.Name, p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 0 ? "(none)" : Cell(p.Value)));
            }
        }

        string text = CmdText.KeyValues(pairs);
        return tables.Count == 0 ? text : string.Join("\n\n", tables.Prepend(text).Where(t => t.Length > 0));
    }

    private static bool IsTable(JsonElement array) => array.EnumerateArray().All(i => i.ValueKind == JsonValueKind.Object);

    private static string Table(JsonElement array)
    {
        List<string> columns = array.EnumerateArray().SelectMany(o => o.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        return CmdText.Table(
            columns.Select(c => c.ToUpperInvariant()).ToArray(),
            array.EnumerateArray().Select(o => (IReadOnlyList<string>)columns.Select(c => o.TryGetProperty(c, out JsonElement v) ? Cell(v) : string.Empty).ToArray()));
    }

    private static string Cell(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? string.Empty,
        JsonValueKind.Null or JsonValueKind.Undefined => "-",
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Select(Cell)),
        _ => string.Join(", ", v.EnumerateObject().Select(p => p.Name + "=" + Cell(p.Value))),
    };

    /// <summary>Formats a count for text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Invariant text.</returns>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
