using System.Reflection;

namespace Actors.Hocon;

/// <summary>Creates <see cref="Config"/> instances from HOCON text, files and embedded resources.</summary>
public static class ConfigurationFactory
{
    /// <summary>An empty configuration.</summary>
    public static Config Empty { get; } = Config.FromRaw(new RawObject(new HoconOrigin("empty config", 0, 0)), Environment.GetEnvironmentVariable);

    /// <summary>Parses HOCON text (origin <c>string</c> in messages).</summary>
    /// <param name="text">The HOCON text.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="HoconException">The text is not valid HOCON or a substitution is cyclic.</exception>
    public static Config ParseString(string text) => ParseString(text, new HoconParseOptions());

    /// <summary>Parses HOCON text, naming it <paramref name="originDescription"/> in origins and messages.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="originDescription">A file name or description of the text.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="HoconException">The text is not valid HOCON or a substitution is cyclic.</exception>
    public static Config ParseString(string text, string originDescription) =>
        ParseString(text, new HoconParseOptions { OriginDescription = originDescription });

    /// <summary>Parses HOCON text, looking environment variables up with <paramref name="environment"/>.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="environment">Returns the value of an environment variable, or null when it is not set.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="HoconException">The text is not valid HOCON or a substitution is cyclic.</exception>
    public static Config ParseString(string text, Func<string, string?> environment) =>
        ParseString(text, new HoconParseOptions { Environment = environment });

    /// <summary>Parses HOCON text with the given options.</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="options">The parse options.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="HoconException">The text is not valid HOCON or a substitution is cyclic.</exception>
    public static Config ParseString(string text, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var session = new ParseSession(options);
        var raw = new HoconParser(text, session, options.OriginDescription, options.BaseDirectory, []).ParseDocument();
        return Config.FromRaw(raw, options.Environment ?? Environment.GetEnvironmentVariable);
    }

    /// <summary>Parses a HOCON file (or a Java <c>.properties</c> file); includes are resolved relative to it.</summary>
    /// <param name="path">The file path; it names the origin in messages.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="HoconException">The file cannot be read or is not valid HOCON.</exception>
    public static Config ParseFile(string path) => ParseFile(path, new HoconParseOptions { OriginDescription = path });

    /// <summary>Parses a HOCON file with the given options (the origin description defaults to the path).</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">The parse options.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="HoconException">The file cannot be read or is not valid HOCON.</exception>
    public static Config ParseFile(string path, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string description = options.OriginDescription == "string" ? path : options.OriginDescription;
        string fullPath;
        string text;
        try
        {
            fullPath = Path.GetFullPath(path);
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            throw new HoconException($"cannot read configuration file: {e.Message}", description, 0, 0, null, e);
        }

        var session = new ParseSession(options);
        session.FileStack.Add(fullPath);
        session.DisplayStack.Add(description);
        RawObject raw = path.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
            ? PropertiesParser.Parse(text, description, [])
            : new HoconParser(text, session, description, Path.GetDirectoryName(fullPath), []).ParseDocument();
        return Config.FromRaw(raw, options.Environment ?? Environment.GetEnvironmentVariable);
    }

    /// <summary>
    /// Parses an embedded resource (for example a library's <c>reference.conf</c>). The name may be the full manifest
    /// resource name or its ending (<c>reference.conf</c> matches <c>Actors.reference.conf</c>).
    /// </summary>
    /// <param name="assembly">The assembly holding the resource.</param>
    /// <param name="resourceName">The resource name or its ending.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="HoconException">The resource does not exist or is not valid HOCON.</exception>
    public static Config FromResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        var names = assembly.GetManifestResourceNames();
        var name = Array.Find(names, n => n == resourceName)
            ?? Array.Find(names, n => n.EndsWith("." + resourceName, StringComparison.Ordinal))
            ?? throw new HoconException(
                $"embedded resource '{resourceName}' was not found in assembly {assembly.GetName().Name}",
                $"resource {resourceName}",
                0,
                0,
                null);
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new HoconException($"embedded resource '{name}' could not be opened", $"resource {name}", 0, 0, null);
        using var reader = new StreamReader(stream);
        return ParseString(reader.ReadToEnd(), new HoconParseOptions { OriginDescription = $"{assembly.GetName().Name}:{name}" });
    }
}
