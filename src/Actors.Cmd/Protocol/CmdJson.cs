using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Cmd;

/// <summary>The JSON settings of the protocol: camelCase names, enums as strings, nulls omitted.</summary>
public static class CmdJson
{
    /// <summary>The serializer options used for palettes and response data.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same options, indented, for printing.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
