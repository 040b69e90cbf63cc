namespace Actors.Hocon;

/// <summary>Options for <see cref="ConfigurationFactory"/> parse methods.</summary>
public sealed class HoconParseOptions
{
    /// <summary>The default nesting limit of objects and arrays.</summary>
    public const int DefaultMaxNestingDepth = 512;

    /// <summary>Names the text in origins and error messages (a file path or a description). Defaults to <c>string</c>.</summary>
    public string OriginDescription { get; init; } = "string";

    /// <summary>
    /// Looks up environment variables for substitutions not found in the configuration. Defaults to
    /// <see cref="Environment.GetEnvironmentVariable(string)"/>; set it to inject a fake environment.
    /// </summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>The folder relative includes are resolved against. Defaults to the file's folder, or the current folder for strings.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The maximum nesting of objects and arrays; deeper input is rejected with a <see cref="HoconException"/>.</summary>
    public int MaxNestingDepth { get; init; } = DefaultMaxNestingDepth;
}
