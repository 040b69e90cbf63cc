namespace Actors.Hocon;

/// <summary>An array literal of the raw tree.</summary>
internal sealed class RawArray : RawNode
{
    private readonly bool _hasSubstitutions;

    public RawArray(HoconOrigin origin, List<RawNode> items)
        : base(origin)
    {
        Items = items;
        foreach (var item in items)
        {
            if (item.HasSubstitutions)
            {
                _hasSubstitutions = true;
                break;
            }
        }
    }

    public List<RawNode> Items { get; }

    public override bool HasSubstitutions => _hasSubstitutions;
}
