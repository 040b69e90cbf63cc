namespace Actors.Hocon;

/// <summary>State shared by a parse and the parses of the files it includes.</summary>
internal sealed class ParseSession
{
    public const int MaxIncludeDepth = 50;

    public ParseSession(HoconParseOptions options)
    {
        Options = options;
        MaxDepth = Math.Max(1, options.MaxNestingDepth);
    }

    public HoconParseOptions Options { get; }

    public int MaxDepth { get; }

    /// <summary>Full paths of the files being parsed, outermost first (for include cycle detection).</summary>
    public List<string> FileStack { get; } = [];

    /// <summary>Display names matching <see cref="FileStack"/>.</summary>
    public List<string> DisplayStack { get; } = [];
}
