using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Dispatch;

namespace Actors.Benchmarks.Quick;

/// <summary>
/// Runs one case alone for a while, for a profiler to attach to: <c>--profile PAIRS INFLIGHT SECONDS</c> (actor
/// ping-pong) or <c>--profile restart ROUNDS</c> (restart latency percentiles, with and without samples a GC ran in).
/// Prints the rate of each round so mode changes of the machine show.
/// </summary>
internal static class ProfileRunner
{
    public static int Run(TextWriter output, IReadOnlyList<string> args)
    {
        if (args.Count > 0 && args[0] == "restart")
        {
            return Restart(output, args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        }

        int pairs = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        int inFlight = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        double seconds = args.Count > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        using var actors = new ActorPingPong(pairs);
        const int Budget = 1_000_000;
        var total = Stopwatch.StartNew();
        var rates = new List<double>();
        var cpus = new List<double>();
        using var process = Process.GetCurrentProcess();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            long messages = actors.Run(Budget / pairs, inFlight);
            double rate = messages / Stopwatch.GetElapsedTime(t0).TotalSeconds / 1e6;
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpu0).TotalNanoseconds / messages;
            rates.Add(rate);
            cpus.Add(cpu);
            output.WriteLine($"  {pairs} x {inFlight}: {rate:F2} M msg/s, {cpu:F1} ns CPU/msg; pool threads {ThreadPool.ThreadCount}");
        }

        rates.Sort();
        cpus.Sort();
        output.WriteLine($"  median of {rates.Count} rounds: {rates[rates.Count / 2]:F2} M msg/s, {cpus[cpus.Count / 2]:F1} ns CPU/msg; best {rates[^1]:F2} M msg/s");

        return 0;
    }

    /// <summary>Restart latency percentiles per round, and the p99 of the samples during which no GC ran.</summary>
    private static int Restart(TextWriter output, int rounds)
    {
        const int Samples = 20_000;
        using var one = new Supervision.RestartWorkload(1);
        for (int i = 0; i < 2_000; i++)
        {
            one.CrashOnce();
        }

        for (int round = 0; round < rounds; round++)
        {
            var all = new Support.Latencies(Samples);
            var noGc = new Support.Latencies(Samples);
            int withGc = 0;

            for (int i = 0; i < Samples; i++)
            {
                int gcs = GC.CollectionCount(0);
                long ticks = one.CrashOnce();
                all.Add(ticks);

                if (GC.CollectionCount(0) == gcs)
                {
                    noGc.Add(ticks);
                }
                else
                {
                    withGc++;
                }
            }

            var inside = new Support.Latencies(Samples);
            foreach (long t in one.CrashFromActor(Samples))
            {
                inside.Add(t);
            }

            output.WriteLine($"  restart from an actor: p50 {inside.PercentileMicros(50):F2} p90 {inside.PercentileMicros(90):F2} p99 {inside.PercentileMicros(99):F2} p99.9 {inside.PercentileMicros(99.9):F2} us");
            output.WriteLine($"  restart: p50 {all.PercentileMicros(50):F2} p90 {all.PercentileMicros(90):F2} p99 {all.PercentileMicros(99):F2} p99.9 {all.PercentileMicros(99.9):F2} us; {withGc} samples saw a GC; p99 without them {noGc.PercentileMicros(99):F2} us");
        }

        return 0;
    }
}
