namespace Actors.Resilience.Keeper;

/// <summary>
/// One top-level actor the keeper brings back: its name under <c>/user</c>, how to create it, and the current
/// reference, which the keeper replaces when it recreates the actor. Read from any thread.
/// </summary>
internal sealed class KeptActor(string name, Props props, IActorRef current)
{
    private IActorRef _current = current;

    public string Name { get; } = name;

    public Props Props { get; } = props;

    public IActorRef Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    /// <summary>How many times the keeper recreated it.</summary>
    public int Recreations { get; set; }
}
