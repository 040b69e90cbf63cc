namespace Actors.Samples.Node;

// Placeholder until the lead's NodeArguments (which parses --chaos) is merged: delete this file then.
internal sealed partial record NodeArguments
{
    /// <summary>Whether chaos starts with the node (<c>--chaos</c>).</summary>
    public bool Chaos { get; init; }
}
