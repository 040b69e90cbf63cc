namespace Actors.Hocon;

/// <summary>A <c>${path}</c> or <c>${?path}</c> substitution.</summary>
internal sealed class RawSubstitution : RawNode
{
    public RawSubstitution(HoconOrigin origin, string[] path, string[]? writtenPath, bool optional)
        : base(origin)
    {
        Path = path;
        WrittenPath = writtenPath;
        Optional = optional;
    }

    /// <summary>The full path looked up (prefixed with the include location for substitutions in included files).</summary>
    public string[] Path { get; }

    /// <summary>The path as written when it differs from <see cref="Path"/> (in included files); looked up second.</summary>
    public string[]? WrittenPath { get; }

    public bool Optional { get; }

    /// <summary>The environment variable consulted when the path is not in the configuration.</summary>
    public string EnvironmentName => string.Join('.', WrittenPath ?? Path);

    public override bool HasSubstitutions => true;

    public string Display => (Optional ? "${?" : "${") + HoconPath.Render(WrittenPath ?? Path) + "}";
}
