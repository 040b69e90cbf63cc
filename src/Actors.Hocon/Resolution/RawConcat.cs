namespace Actors.Hocon;

/// <summary>A value concatenation: parts with the whitespace written before each part (empty for the first).</summary>
internal sealed class RawConcat : RawNode
{
    private readonly bool _hasSubstitutions;

    public RawConcat(HoconOrigin origin, List<RawNode> parts, List<string> separators)
        : base(origin)
    {
        Parts = parts;
        Separators = separators;
        foreach (var part in parts)
        {
            if (part.HasSubstitutions)
            {
                _hasSubstitutions = true;
                break;
            }
        }
    }

    public List<RawNode> Parts { get; }

    public List<string> Separators { get; }

    public override bool HasSubstitutions => _hasSubstitutions;
}
