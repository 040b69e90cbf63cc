using System.Collections.Concurrent;

namespace Actors.Tests.Support;

/// <summary>
/// An <see cref="IActorRef"/> that records what it is told synchronously, on the sender's thread. Subscribed to the
/// event stream it sees events even while the actor system is stopping (when actor subscribers may already be gone).
/// </summary>
internal sealed class EventCollector : IActorRef
{
    private readonly ConcurrentQueue<object> _received = new();

    public ActorPath Path { get; } = new RootActorPath("actors://collector") / "events";

    public IReadOnlyList<object> Received => _received.ToArray();

    public IEnumerable<T> OfType<T>() => _received.OfType<T>();

    public void Tell(object message, IActorRef? sender) => _received.Enqueue(message);

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => 17;

    public int CompareTo(IActorRef? other) => ReferenceEquals(this, other) ? 0 : 1;
}
