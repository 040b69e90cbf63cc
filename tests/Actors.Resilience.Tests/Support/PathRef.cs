using Akka.Util;

namespace Actors.Resilience.Tests.Support;

/// <summary>A reference that only carries a path, for publishing scripted <see cref="Supervision.ActorFailed"/> events.</summary>
internal sealed class PathRef(string path) : IActorRef
{
    public ActorPath Path { get; } = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
        .Aggregate((ActorPath)new RootActorPath(new Address("akka", "test")), (p, e) => p / e);

    public void Tell(object message, IActorRef sender)
    {
    }

    public bool Equals(IActorRef? other) => other is not null && other.Path == Path;

    public override bool Equals(object? obj) => obj is IActorRef r && Equals(r);

    public override int GetHashCode() => Path.GetHashCode();

    public int CompareTo(IActorRef? other) => Path.CompareTo(other?.Path);

    public int CompareTo(object? obj) => obj is IActorRef r ? CompareTo(r) : 1;

    public ISurrogate ToSurrogate(ActorSystem system) => throw new NotSupportedException();
}
