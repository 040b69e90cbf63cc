namespace Actors.Hocon;

/// <summary>While resolving one layer of a <see cref="RawMerge"/>: the field path and the value of the layers below.</summary>
internal sealed class SelfReferenceContext
{
    public SelfReferenceContext(string[] path, RawNode? previous)
    {
        Path = path;
        Previous = previous;
    }

    public string[] Path { get; }

    public RawNode? Previous { get; }
}
