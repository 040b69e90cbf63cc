using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Dispatch;

/// <summary>Ping-pong throughput: pairs of actors vs pairs of tasks over channels. One operation = one message.</summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    private const int MessagesPerInvoke = 2_000_000;
    private ActorPingPong? _actors;

    [Params(1, 8, 64)]
    public int Pairs { get; set; }

    [Params(1, 1000)]
    public int InFlight { get; set; }

    private int BudgetPerPair => Math.Max(InFlight, MessagesPerInvoke / 2 / Pairs);

    [GlobalSetup]
    public void Setup() => _actors = new ActorPingPong(Pairs);

    [GlobalCleanup]
    public void Cleanup() => _actors?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesPerInvoke)]
    public long Channels() => ChannelPingPong.Run(Pairs, BudgetPerPair, InFlight);

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public long Actors() => _actors!.Run(BudgetPerPair, InFlight);
}
