namespace Actors.Samples.Node;

/// <summary>Tells the load generator to start: the program sends it once the node answers over HTTP.</summary>
internal sealed record StartLoad
{
    public static StartLoad Instance { get; } = new();
}
