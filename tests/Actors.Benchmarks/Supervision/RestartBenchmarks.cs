using Actors.Benchmarks.Support;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Supervision;

/// <summary>Restart latency: one operation = crash, restart, first reply of the new instance.</summary>
[MemoryDiagnoser]
public class RestartBenchmarks
{
    private readonly SignalRef _signal = new();
    private RestartWorkload? _one;
    private RestartWorkload? _many;

    [GlobalSetup]
    public void Setup()
    {
        _one = new RestartWorkload(1);
        _many = new RestartWorkload(1000);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _one?.Dispose();
        _many?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public long ThrowCatchNewObjectHandoff() => RawRestart.CrashOnce(_signal);

    [Benchmark]
    public long RestartOneChild() => _one!.CrashOnce();

    [Benchmark(OperationsPerInvoke = 1000)]
    public long[] ThrowCatchNewObjectLocalHandoff1000InPool() => RawRestart.CrashInPool(1000);

    [Benchmark(OperationsPerInvoke = 1000)]
    public long[] RestartOneChild1000TimesFromAnActor() => _one!.CrashFromActor(1000);

    [Benchmark(OperationsPerInvoke = 1000)]
    public double ThrowCatchNewObjectHandoff1000() => RawRestart.CrashAll(_signal, 1000);

    [Benchmark(OperationsPerInvoke = 1000)]
    public double Restart1000ChildrenAtOnce() => _many!.CrashAll();
}
