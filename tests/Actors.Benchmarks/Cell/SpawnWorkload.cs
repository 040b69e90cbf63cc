using System.Diagnostics;
using System.Threading.Channels;
using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Cell;

/// <summary>Counts actors that have run PreStart (or PostStop); the last one sets the event.</summary>
internal sealed class StartCounter
{
    private int _remaining;

    public ManualResetEventSlim Done { get; } = new(false);

    public void Reset(int expected)
    {
        Done.Reset();
        Volatile.Write(ref _remaining, expected);
    }

    public void One()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Done.Set();
        }
    }
}

/// <summary>The smallest useful actor: it reports its start and stop and ignores messages.</summary>
internal sealed class MinimalActor(StartCounter started, StartCounter stopped) : UntypedActor
{
    protected override void OnReceive(object message)
    {
    }

    protected override void PreStart() => started.One();

    protected override void PostStop() => stopped.One();
}

internal readonly record struct SpawnResult(double PerSecond, double RetainedBytesPerItem, double AllocatedBytesPerItem, double StopPerSecond, string Gcs);

/// <summary>Collections per generation since it was taken.</summary>
internal readonly struct GcCounts
{
    private readonly int _gen0 = GC.CollectionCount(0);
    private readonly int _gen1 = GC.CollectionCount(1);
    private readonly int _gen2 = GC.CollectionCount(2);
    private readonly TimeSpan _pause = GC.GetTotalPauseDuration();

    public GcCounts()
    {
    }

    public string Since() => $"GCs gen0/1/2: {GC.CollectionCount(0) - _gen0}/{GC.CollectionCount(1) - _gen1}/{GC.CollectionCount(2) - _gen2}, paused {(GC.GetTotalPauseDuration() - _pause).TotalSeconds:F2} s";
}

/// <summary>Spawns N top-level actors from one thread and waits until all have started; then stops them all.</summary>
internal static class SpawnWorkload
{
    public static SpawnResult RunActors(ActorSystem system, int count)
    {
        var started = new StartCounter();
        var stopped = new StartCounter();
        Props props = Props.Create(() => new MinimalActor(started, stopped));
        var refs = new IActorRef[count];
        started.Reset(count);
        stopped.Reset(count);

        long retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gcs = new GcCounts();
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            refs[i] = system.ActorOf(props);
        }

        double sendSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        BenchSystem.Await(started.Done, "spawn");
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        string gcText = $"{gcs.Since()}; ActorOf loop {sendSeconds:F2} s of {seconds:F2} s";
        long allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        long retainedAfter = GC.GetTotalMemory(forceFullCollection: true);

        long t1 = Stopwatch.GetTimestamp();
        foreach (IActorRef actor in refs)
        {
            system.Stop(actor);
        }

        BenchSystem.Await(stopped.Done, "stop");
        double stopSeconds = Stopwatch.GetElapsedTime(t1).TotalSeconds;
        GC.KeepAlive(refs);
        return new SpawnResult(count / seconds, (retainedAfter - retainedBefore) / (double)count, (allocatedAfter - allocatedBefore) / (double)count, count / stopSeconds, gcText);
    }

    /// <summary>
    /// Baseline: what a hand-rolled "actor" costs in raw .NET: one unbounded single-reader
    /// <see cref="Channel{T}"/> per item, registered in a name-keyed dictionary under a generated name, like a
    /// parent's children map. No thread-pool hop (an actor's start needs one), so it flatters the baseline's rate.
    /// </summary>
    public static SpawnResult RunChannels(int count)
    {
        var options = new UnboundedChannelOptions { SingleReader = true };
        var registry = new Dictionary<string, Channel<object>>(StringComparer.Ordinal);
        long retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gcs = new GcCounts();
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            registry.Add("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Channel.CreateUnbounded<object>(options));
        }

        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        string gcText = gcs.Since();
        long allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        long retainedAfter = GC.GetTotalMemory(forceFullCollection: true);
        long t1 = Stopwatch.GetTimestamp();
        foreach (Channel<object> channel in registry.Values)
        {
            channel.Writer.TryComplete();
        }

        registry.Clear();
        double stopSeconds = Stopwatch.GetElapsedTime(t1).TotalSeconds;
        GC.KeepAlive(registry);
        return new SpawnResult(count / seconds, (retainedAfter - retainedBefore) / (double)count, (allocatedAfter - allocatedBefore) / (double)count, count / stopSeconds, gcText);
    }
}
