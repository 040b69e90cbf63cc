namespace Actors;

/// <summary>Base of every reference the kernel hands out: adds system messages and identity.</summary>
internal abstract class InternalActorRef : IActorRef
{
    private ActorPath? _path;

    protected InternalActorRef(ActorPath path) => _path = path;

    /// <summary>For references whose path is built only when first read (see <see cref="CreatePath"/>).</summary>
    protected InternalActorRef()
    {
    }

    public ActorPath Path => _path ?? InitPath();

    /// <summary>Builds the path of a reference created without one. Any thread; may run more than once, one result wins.</summary>
    protected virtual ActorPath CreatePath() => throw new InvalidOperationException($"{GetType().Name} was created without a path.");

    private ActorPath InitPath()
    {
        ActorPath created = CreatePath();
        return Interlocked.CompareExchange(ref _path, created, null) ?? created;
    }

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
