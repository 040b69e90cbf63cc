namespace Actors.Benchmarks.Throughput;

/// <summary>One way of delivering pings: the system it runs in, and how to send ping number i with a reply-to.</summary>
internal sealed record ThroughputPath(ActorSystem System, Action<int, IActorRef> Send);
