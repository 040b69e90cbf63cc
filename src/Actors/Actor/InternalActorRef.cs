namespace Actors;

/// <summary>Base of every reference the kernel hands out: adds system messages and identity.</summary>
internal abstract class InternalActorRef : IActorRef
{
    protected InternalActorRef(ActorPath path) => Path = path;

    public ActorPath Path { get; }

    /// <summary>True once the actor behind this reference can no longer process messages.</summary>
    public virtual bool IsTerminated => false;

    public abstract void Tell(object message, IActorRef? sender);

    /// <summary>Delivers a system message; must be safe from any thread.</summary>
    internal abstract void SendSystemMessage(SystemMessage message);

    public bool Equals(IActorRef? other) =>
        other is not null && (ReferenceEquals(this, other) || (Path.Equals(other.Path) && Path.Uid == other.Path.Uid));

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.GetHashCode();

    public int CompareTo(IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        int byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    public override string ToString() => Path.Uid == 0 ? Path.ToString() : $"{Path}#{Path.Uid}";
}
