namespace Actors.Samples.Node;

/// <summary>A request for a flaky instance.</summary>
/// <param name="Sequence">The load generator's sequence number.</param>
internal sealed record Work(long Sequence);
