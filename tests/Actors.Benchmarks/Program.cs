using Actors.Benchmarks.Memory;
using Actors.Benchmarks.Supervision;
using Actors.Benchmarks.Support;
using Actors.Benchmarks.Throughput;

namespace Actors.Benchmarks;

/// <summary>
/// The benchmarks of the resilience layer, each figure beside a baseline measured in the same run:
/// <c>dotnet run --project tests/Actors.Benchmarks -c Release -- --quick</c> (under 90 s) or without
/// <c>--quick</c> for longer runs; <c>--only name[,name]</c> runs some.
/// </summary>
public static class Program
{
    private static readonly (string Name, Func<BenchSettings, BenchResult> Run)[] s_benchmarks =
    [
        ("unit-throughput", UnitThroughput.Run),
        ("unit-vs-sharding", ShardingThroughput.Run),
        ("crash-to-serving-p99", CrashToServing.Run),
        ("bytes-per-unit", BytesPerUnit.Run),
        ("health-p99", Health.HealthUnderFailure.Run),
        ("sessions-bytes", Sessions.SessionsBytes.Run), ("outbox-throughput-sqlite", Sessions.OutboxThroughput.RunSqlite), ("outbox-throughput-postgres", Sessions.OutboxThroughput.RunPostgres), ("reconnect-10k", Sessions.Reconnect.Run),
        ("predict-throughput", Prediction.PredictThroughput.Run), ("predict-burst-rss", Prediction.PredictBurstRss.Run),
        ("feed-throughput", Feeds.FeedThroughput.Run),
        ("feed-recovery", Feeds.FeedRecovery.Run),
    ];

    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        BenchSettings settings = BenchSettings.Full;
        HashSet<string>? only = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    settings = BenchSettings.Quick;
                    break;
                case "--only" when i + 1 < args.Length:
                    only = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                case "--help" or "-h":
                    Usage(Console.Out);
                    return 0;
                default:
                    Console.Error.WriteLine($"benchmarks: error: unknown argument '{args[i]}'");
                    Usage(Console.Error);
                    return 2;
            }
        }

        string[] unknown = only?.Except(s_benchmarks.Select(b => b.Name)).ToArray() ?? [];
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"benchmarks: error: unknown benchmark(s) {string.Join(", ", unknown)}");
            Usage(Console.Error);
            return 2;
        }

        Console.WriteLine($"Actors benchmarks ({(settings == BenchSettings.Quick ? "quick" : "full")} mode): {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        var results = new List<BenchResult>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (name, run) in s_benchmarks)
        {
            if (only is not null && !only.Contains(name))
            {
                continue;
            }

            Console.WriteLine($"[{started.Elapsed.TotalSeconds,5:0}s] {name} ...");
            GC.Collect();
            BenchResult result = run(settings);
            results.Add(result);
            Console.WriteLine(result.ResultLine());
        }

        Console.WriteLine();
        ResultTable.Write(Console.Out, results);
        Console.WriteLine($"{results.Count(r => r.Met)} of {results.Count} targets met in {started.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    private static void Usage(TextWriter output)
    {
        output.WriteLine("usage: dotnet run --project tests/Actors.Benchmarks -c Release -- [--quick] [--only name[,name...]]");
        output.WriteLine("benchmarks: " + string.Join(", ", s_benchmarks.Select(b => b.Name)));
    }
}
