namespace Actors.Hocon;

/// <summary>A node of the unresolved tree built by the parser (may contain substitutions).</summary>
internal abstract class RawNode
{
    protected RawNode(HoconOrigin origin)
    {
        Origin = origin;
    }

    public HoconOrigin Origin { get; }

    /// <summary>True when the node (or anything inside it) contains a substitution.</summary>
    public abstract bool HasSubstitutions { get; }
}
