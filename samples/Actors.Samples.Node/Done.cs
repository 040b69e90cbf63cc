namespace Actors.Samples.Node;

/// <summary>The answer of a flaky instance that handled <see cref="Work"/>.</summary>
/// <param name="Sequence">The request's sequence number.</param>
internal sealed record Done(long Sequence);
