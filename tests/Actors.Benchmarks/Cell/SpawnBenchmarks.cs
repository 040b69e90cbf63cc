using System.Threading.Channels;
using Actors.Benchmarks.Support;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Cell;

/// <summary>Spawn rate: one operation = one actor created and started (then stopped outside the measurement).</summary>
[MemoryDiagnoser]
public class SpawnBenchmarks
{
    private const int Count = 100_000;
    private static readonly UnboundedChannelOptions s_options = new() { SingleReader = true };
    private ActorSystem? _system;
    private StartCounter _started = new();
    private StartCounter _stopped = new();
    private Props? _props;
    private IActorRef[] _refs = [];

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchSystem.Create("spawn");
        _props = Props.Create(() => new MinimalActor(_started, _stopped));
        _refs = new IActorRef[Count];
    }

    [GlobalCleanup]
    public void Cleanup() => BenchSystem.Shutdown(_system!);

    [IterationSetup(Target = nameof(SpawnActors))]
    public void ArmCounters()
    {
        _started.Reset(Count);
        _stopped.Reset(Count);
    }

    [IterationCleanup(Target = nameof(SpawnActors))]
    public void StopActors()
    {
        foreach (IActorRef actor in _refs)
        {
            _system!.Stop(actor);
        }

        BenchSystem.Await(_stopped.Done, "stop");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ChannelsInDictionary()
    {
        var registry = new Dictionary<string, Channel<object>>(StringComparer.Ordinal);
        for (int i = 0; i < Count; i++)
        {
            registry.Add("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Channel.CreateUnbounded<object>(s_options));
        }

        return registry.Count;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int SpawnActors()
    {
        for (int i = 0; i < Count; i++)
        {
            _refs[i] = _system!.ActorOf(_props!);
        }

        BenchSystem.Await(_started.Done, "spawn");
        return _refs.Length;
    }
}
