namespace Actors.Hocon;

/// <summary>
/// A field whose value could not be merged at parse time because a layer contains substitutions. Layers are in
/// writing order (the last one wins); substitutions of the field's own path in a layer see the layers below it.
/// </summary>
internal sealed class RawMerge : RawNode
{
    public RawMerge(RawNode[] layers, string[]? path)
        : base(layers[^1].Origin)
    {
        Layers = layers;
        Path = path;
    }

    public RawNode[] Layers { get; }

    /// <summary>The full path of the field, or null when the field is not addressable (inside an array).</summary>
    public string[]? Path { get; }

    public override bool HasSubstitutions => true;
}
