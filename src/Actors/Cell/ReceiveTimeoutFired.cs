namespace Actors;

/// <summary>The receive-timeout timer fired; stale when a message arrived since (its generation moved on).</summary>
internal sealed class ReceiveTimeoutFired(int generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    public int Generation { get; } = generation;
}
