using Actors.Resilience.Health;
using Actors.Resilience.Memory;

namespace Actors.Resilience.Tests;

/// <summary>A reference that only carries a path, for publishing scripted <see cref="ActorFailed"/> events.</summary>
internal sealed class PathRef(string path) : IActorRef
{
    public ActorPath Path { get; } = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
        .Aggregate((ActorPath)new RootActorPath("actors://test"), (p, e) => p / e);

    public void Tell(object message, IActorRef? sender)
    {
    }

    public bool Equals(IActorRef? other) => other is not null && other.Path == Path;

    public override bool Equals(object? obj) => obj is IActorRef r && Equals(r);

    public override int GetHashCode() => Path.GetHashCode();

    public int CompareTo(IActorRef? other) => Path.CompareTo(other?.Path);
}

internal sealed class FakeResourceProbe : IResourceProbe
{
    public ResourceSample Next { get; set; } = new(10, 20, 100, 50, 0, 10, 0);

    public int Samples { get; private set; }

    public ResourceSample Sample()
    {
        Samples++;
        return Next;
    }
}

internal sealed class FakeMemoryProbe : IMemoryProbe
{
    private volatile int _compactions;

    public double Ratio { get; set; } = 0.5;

    public int Compactions => _compactions;

    public MemorySample Sample() => new((long)(Ratio * 1000), 1000, 100);

    public void CompactHeap() => Interlocked.Increment(ref _compactions);
}

/// <summary>A unit worker: tells the probe when it starts, fails on "boom" (or at every start), echoes the rest.</summary>
internal sealed class FlakyWorker : ReceiveActor
{
    private readonly string _id;
    private readonly IActorRef _probe;
    private readonly bool _failOnStart;

    public FlakyWorker(string id, IActorRef probe, bool failOnStart)
    {
        _id = id;
        _probe = probe;
        _failOnStart = failOnStart;
        Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
        Receive<string>(s => Sender.Tell($"{_id}:{s}"));
    }

    protected override void PreStart()
    {
        _probe.Tell($"started:{_id}");
        if (_failOnStart)
        {
            throw new IOException($"connection refused for {_id}");
        }
    }
}
