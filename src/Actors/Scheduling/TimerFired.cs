namespace Actors;

/// <summary>A keyed timer fired; delivered only if its generation is still the key's current one.</summary>
internal sealed class TimerFired(object key, int generation, object message) : IAutoReceivedMessage
{
    public object Key { get; } = key;

    public int Generation { get; } = generation;

    public object Message { get; } = message;
}
