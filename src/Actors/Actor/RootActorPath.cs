namespace Actors;

/// <summary>The root of a hierarchy: an address and nothing else.</summary>
public sealed class RootActorPath : ActorPath
{
    /// <summary>Creates a root path.</summary>
    /// <param name="address">The address, e.g. <c>actors://my-system</c>.</param>
    /// <param name="name">The element name of the root (<c>/</c>).</param>
    public RootActorPath(string address, string name = "/") : base(name, 0) => Address = address;

    /// <inheritdoc/>
    public override string Address { get; }

    /// <inheritdoc/>
    public override ActorPath Parent => this;

    /// <inheritdoc/>
    public override RootActorPath Root => this;

    /// <inheritdoc/>
    public override int Depth => 0;
}
