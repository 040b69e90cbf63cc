namespace Actors.Hocon;

/// <summary>How <see cref="Config.Render(HoconRenderOptions)"/> and <see cref="HoconValue.Render(HoconRenderOptions)"/> write a value.</summary>
public sealed class HoconRenderOptions
{
    /// <summary>Formatted HOCON without origin comments.</summary>
    public static HoconRenderOptions Default { get; } = new();

    /// <summary>Formatted JSON.</summary>
    public static HoconRenderOptions JsonFormatted { get; } = new() { Json = true };

    /// <summary>Compact JSON on a single line.</summary>
    public static HoconRenderOptions JsonConcise { get; } = new() { Json = true, Formatted = false };

    /// <summary>Write strict JSON (quoted keys, <c>:</c> separators, commas) instead of HOCON.</summary>
    public bool Json { get; init; }

    /// <summary>Write one field per line with indentation (otherwise everything on one line).</summary>
    public bool Formatted { get; init; } = true;

    /// <summary>Write a <c>#</c> comment with each field's origin before it (ignored for JSON).</summary>
    public bool OriginComments { get; init; }

    /// <summary>Spaces per indentation level when <see cref="Formatted"/> is set.</summary>
    public int IndentSize { get; init; } = 2;
}
