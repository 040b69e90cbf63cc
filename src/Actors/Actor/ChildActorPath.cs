namespace Actors;

/// <summary>A path below the root.</summary>
public sealed class ChildActorPath : ActorPath
{
    private readonly ActorPath _parent;
    private readonly int _depth;

    /// <summary>Creates a child path.</summary>
    /// <param name="parent">The parent path.</param>
    /// <param name="name">The element name.</param>
    /// <param name="uid">The incarnation number, or 0.</param>
    public ChildActorPath(ActorPath parent, string name, long uid) : base(name, uid)
    {
        ArgumentNullException.ThrowIfNull(parent);
        _parent = parent;
        _depth = parent.Depth + 1;
    }

    /// <inheritdoc/>
    public override string Address => _parent.Address;

    /// <inheritdoc/>
    public override ActorPath Parent => _parent;

    /// <inheritdoc/>
    public override RootActorPath Root => _parent.Root;

    /// <inheritdoc/>
    public override int Depth => _depth;
}
