using Actors.Benchmarks.Support;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace Actors.Benchmarks.Throughput;

/// <summary>
/// <c>unit-vs-sharding</c>: the <c>unit-throughput</c> load through Akka.Cluster.Sharding's region on a one-node
/// cluster with the same entity (<see cref="Echo"/>), against our units on a plain local system.
/// </summary>
internal static class ShardingThroughput
{
    private const string ClusterConfig = """
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.cluster.min-nr-of-members = 1
        akka.cluster.sharding.passivate-idle-entity-after = off
        """;

    public static BenchResult Run(BenchSettings settings)
    {
        ActorSystem shardingSystem = BenchSystem.Create("sharding-throughput", ClusterConfig);
        ActorSystem unitSystem = BenchSystem.Create("unit-throughput");
        try
        {
            (double sharding, double units) = ThroughputDriver.Compare(settings, UnitThroughput.Targets, ShardingPath(shardingSystem), UnitThroughput.UnitsPath(unitSystem));
            double ratio = units / sharding;
            return new BenchResult("unit-vs-sharding", "msg/s", units, sharding, "ratio >= 1.5", ratio >= 1.5, "Akka.Cluster.Sharding, one node");
        }
        finally
        {
            BenchSystem.Shutdown(shardingSystem);
            BenchSystem.Shutdown(unitSystem);
        }
    }

    private static ThroughputPath ShardingPath(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        if (!up.Task.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The one-node cluster did not come up within 30 s.");
        }

        IActorRef region = ClusterSharding.Get(system).Start(
            "bench",
            Props.Create<Echo>(),
            ClusterShardingSettings.Create(system),
            new EnvelopeExtractor(100));
        Envelope[] messages = Enumerable.Range(0, UnitThroughput.Targets).Select(i => new Envelope("u" + i, Ping.Instance)).ToArray();
        return new ThroughputPath(system, (i, counter) => region.Tell(messages[i], counter));
    }

    /// <summary>The entity's id and message, as <see cref="Actors.Resilience.Units.UnitMessage"/> carries them.</summary>
    private sealed record Envelope(string Id, object Message);

    private sealed class EnvelopeExtractor(int shards) : HashCodeMessageExtractor(shards)
    {
        public override string? EntityId(object message) => message is Envelope e ? e.Id : null;

        public override object EntityMessage(object message) => message is Envelope e ? e.Message : message;
    }
}
