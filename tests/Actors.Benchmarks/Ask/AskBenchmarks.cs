using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Ask;

/// <summary>Ask round trip: one operation = ask, reply, continuation.</summary>
[MemoryDiagnoser]
public class AskBenchmarks
{
    private AskWorkload? _workload;

    [GlobalSetup]
    public void Setup() => _workload = new AskWorkload();

    [GlobalCleanup]
    public void Cleanup() => _workload?.Dispose();

    [Benchmark(Baseline = true)]
    public Task TaskCompletionSourceHandoff() => RawAsk.AskOnce();

    [Benchmark]
    public Task AskRoundTrip() => _workload!.AskOnce();
}
