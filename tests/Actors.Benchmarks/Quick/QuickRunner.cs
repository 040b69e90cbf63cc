using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Ask;
using Actors.Benchmarks.Cell;
using Actors.Benchmarks.Dispatch;
using Actors.Benchmarks.Supervision;
using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Quick;

/// <summary>
/// The quick mode: every figure once, beside its raw .NET baseline measured in the same process, with the target and
/// whether it was met. Stopwatch timing, warm-up before each measurement, medians of repeated runs.
/// </summary>
internal static class QuickRunner
{
    private const double RunSeconds = 0.35;
    /// <summary>Timed runs per spawn figure (each creates a million actors).</summary>
    private const int Repeats = 3;

    /// <summary>
    /// Timed runs per ping-pong figure: five, because a run's rate depends on where the pairs happen to land on the
    /// two cores (a pair split across them pays a cache-line transfer per message), which varies from run to run.
    /// </summary>
    private const int ThroughputRepeats = 5;

    /// <summary>Runs every section, or only those named in <paramref name="sections"/> (ping, spawn, restart, ask).</summary>
    public static int Run(TextWriter output, IReadOnlyCollection<string> sections)
    {
        bool All(string name) => sections.Count == 0 || sections.Contains(name);
        var total = Stopwatch.StartNew();
        var table = new QuickTable();
        output.WriteLine($"Actors quick benchmarks: {MachineInfo.Describe()}");
        output.WriteLine($"Process: {Environment.ProcessorCount} cores visible, started {DateTimeOffset.Now:u}");
        output.WriteLine("Numbers are medians of 5 timed runs (ping-pong) or 3 (spawn) after a warm-up, or percentiles of 20,000+ samples; the machine may be shared, so expect noise.");
        (double stalls, double stallMicros, double stolen) = StallProbe.Measure(TimeSpan.FromSeconds(0.5));
        output.WriteLine($"Machine stalls: a spinning thread lost the CPU {stalls:F0} times/s for > {StallProbe.GapMicros:F0} us (mean {stallMicros:F0} us, {stolen:F1}% of the time); every p99 below sits on this floor.");
        output.WriteLine();

        if (All("ping"))
        {
            SettleGc();
            PingPong(table, output);
        }

        if (All("restart"))
        {
            SettleGc();
            Restart(table, output);
        }

        if (All("ask"))
        {
            SettleGc();
            AskRoundTrip(table, output);
        }

        // Last: spawning a million actors leaves the heap large and the GC busy for a while after, which would land
        // on the latency figures measured after it.
        if (All("spawn"))
        {
            SettleGc();
            Spawn(table, output);
        }

        output.WriteLine();
        table.Write(output);
        output.WriteLine();
        output.WriteLine($"Total time {total.Elapsed.TotalSeconds:F1} s; targets met: {table.Met}/{table.WithTarget}.");
        return 0;
    }

    private static void PingPong(QuickTable table, TextWriter output)
    {
        foreach (int pairs in new[] { 1, 8, 64 })
        {
            using var actors = new ActorPingPong(pairs);
            foreach (int inFlight in new[] { 1, 1000 })
            {
                (double actorRate, double actorCpu) = Throughput(pairs, inFlight, budget => actors.Run(budget, inFlight));
                (double channelRate, double channelCpu) = Throughput(pairs, inFlight, budget => ChannelPingPong.Run(pairs, budget, inFlight));
                double? target = (pairs, inFlight) switch
                {
                    (8, 1000) => 80e6,
                    (8, 1) => 11e6,
                    _ => null,
                };
                table.Add($"ping-pong {pairs} pair(s) x {inFlight} in flight", "msg/s", actorRate, channelRate, target, higherIsBetter: true);
                output.WriteLine($"  ping-pong {pairs} x {inFlight}: actors {Format(actorRate)}/s ({actorCpu:F0} ns CPU/msg), channels {Format(channelRate)}/s ({channelCpu:F0} ns CPU/msg)");
            }
        }
    }

    /// <summary>
    /// Warm up until the rate stops improving, size a run to about <see cref="RunSeconds"/>, then return the median rate of <see cref="ThroughputRepeats"/> runs, and the median
    /// process CPU time per message (steadier than the rate on a shared machine; includes idle pool threads spinning).
    /// </summary>
    private static (double Rate, double CpuNanosPerMessage) Throughput(int pairs, int inFlight, Func<int, long> run)
    {
        int warmBudget = Math.Max(inFlight * 4, 100_000 / pairs);
        double rate = 0;
        WarmUntilSteady(
            () =>
            {
                long start = Stopwatch.GetTimestamp();
                rate = run(warmBudget) / Stopwatch.GetElapsedTime(start).TotalSeconds;
                return 1 / rate;
            },
            minSeconds: 0.3,
            quietSeconds: 0.3,
            maxSeconds: 3);
        int budget = (int)Math.Clamp(rate * RunSeconds / 2 / pairs, inFlight * 4, int.MaxValue / 4);
        var rates = new double[ThroughputRepeats];
        var cpu = new double[ThroughputRepeats];
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < ThroughputRepeats; i++)
        {
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            long messages = run(budget);
            rates[i] = messages / Stopwatch.GetElapsedTime(t0).TotalSeconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpu0).TotalNanoseconds / messages;
        }

        return (Median(rates), Median(cpu));
    }

    private static void Spawn(QuickTable table, TextWriter output)
    {
        // Like every other figure: a full-size warm-up run, then the median of three timed runs. The warm-up is also
        // reported: it is the cost on a cold heap, where every page the GC hands out is faulted in for the first time.
        const int Count = 1_000_000;
        // Each run gets a fresh actor system, so every run pays for growing the guardian's children map.
        SpawnResult actorsCold = SpawnInFreshSystem(Count);
        SpawnResult actors = MedianRun(() => SpawnInFreshSystem(Count));

        SpawnResult channelsCold = SpawnWorkload.RunChannels(Count);
        SpawnResult channels = MedianRun(() => SpawnWorkload.RunChannels(Count));
        table.Add("spawn 1M actors (vs 1M channels in a dictionary)", "/s", actors.PerSecond, channels.PerSecond, 1e6, higherIsBetter: true);
        table.Add("retained bytes per idle actor (vs per channel)", "B", actors.RetainedBytesPerItem, channels.RetainedBytesPerItem, 400, higherIsBetter: false);
        table.Add("allocated bytes per spawn", "B", actors.AllocatedBytesPerItem, channels.AllocatedBytesPerItem, null, higherIsBetter: false);
        table.Add("stop 1M actors (vs completing 1M channels)", "/s", actors.StopPerSecond, channels.StopPerSecond, null, higherIsBetter: true);
        output.WriteLine($"  spawn: {Format(actors.PerSecond)} actors/s ({actors.Gcs}), {actors.RetainedBytesPerItem:F0} B retained, {actors.AllocatedBytesPerItem:F0} B allocated each; stop {Format(actors.StopPerSecond)}/s");
        output.WriteLine($"  spawn on a cold heap (the warm-up run): {Format(actorsCold.PerSecond)} actors/s ({actorsCold.Gcs})");
        output.WriteLine($"  channels: {Format(channels.PerSecond)}/s ({channels.Gcs}), {channels.RetainedBytesPerItem:F0} B retained each; cold heap {Format(channelsCold.PerSecond)}/s");
    }

    private static SpawnResult SpawnInFreshSystem(int count)
    {
        ActorSystem system = BenchSystem.Create("spawn");
        try
        {
            return SpawnWorkload.RunActors(system, count);
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    /// <summary>Runs <paramref name="run"/> <see cref="Repeats"/> times; returns the run with the median rate.</summary>
    private static SpawnResult MedianRun(Func<SpawnResult> run)
    {
        var results = new SpawnResult[Repeats];
        for (int i = 0; i < Repeats; i++)
        {
            results[i] = run();
        }

        return results.OrderBy(r => r.PerSecond).ElementAt(Repeats / 2);
    }

    private static void Restart(QuickTable table, TextWriter output)
    {
        const int Samples = 20_000;
        var signal = new SignalRef();
        var inside = new Latencies(Samples);
        var rawInside = new Latencies(Samples);
        var outside = new Latencies(Samples);
        var rawOutside = new Latencies(Samples);
        double actorRate;
        double rawRate;
        using (var one = new RestartWorkload(1))
        {
            // The failure path runs only here, so it is still on its first JIT tier: crash until the rounds stop
            // getting faster (tiering needs a second or more on two cores), then measure.
            double warmSeconds = WarmUntilSteady(
                () =>
                {
                    var round = new Latencies(2_000);
                    foreach (long ticks in one.CrashFromActor(2_000))
                    {
                        round.Add(ticks);
                    }

                    for (int i = 0; i < 2_000; i++)
                    {
                        round.Add(one.CrashOnce());
                        RawRestart.CrashOnce(signal);
                    }

                    RawRestart.CrashInPool(2_000);
                    return round.PercentileMicros(50);
                },
                minSeconds: 2,
                quietSeconds: 1,
                maxSeconds: 8);
            output.WriteLine($"  restart warm-up: {warmSeconds:F1} s, until the rounds stopped getting faster");

            foreach (long ticks in one.CrashFromActor(Samples))
            {
                inside.Add(ticks);
            }

            foreach (long ticks in RawRestart.CrashInPool(Samples))
            {
                rawInside.Add(ticks);
            }

            for (int i = 0; i < Samples; i++)
            {
                outside.Add(one.CrashOnce());
            }

            for (int i = 0; i < Samples; i++)
            {
                rawOutside.Add(RawRestart.CrashOnce(signal));
            }
        }

        using (var many = new RestartWorkload(1000))
        {
            for (int i = 0; i < 5; i++)
            {
                many.CrashAll();
                RawRestart.CrashAll(signal, 1000);
            }

            var actorRates = new double[9];
            var rawRates = new double[9];
            for (int i = 0; i < actorRates.Length; i++)
            {
                actorRates[i] = 1000 / many.CrashAll();
                rawRates[i] = 1000 / RawRestart.CrashAll(signal, 1000);
            }

            actorRate = Median(actorRates);
            rawRate = Median(rawRates);
        }

        table.Add("restart p50, crash sent by an actor (vs throw+catch+new+local handoff)", "us", inside.PercentileMicros(50), rawInside.PercentileMicros(50), null, higherIsBetter: false);
        table.Add("restart p99, crash sent by an actor", "us", inside.PercentileMicros(99), rawInside.PercentileMicros(99), 15, higherIsBetter: false);
        table.Add("restart p50, crash sent from outside (vs throw+catch+new+pool handoff)", "us", outside.PercentileMicros(50), rawOutside.PercentileMicros(50), null, higherIsBetter: false);
        table.Add("restart p99, crash sent from outside (wakes a pool thread)", "us", outside.PercentileMicros(99), rawOutside.PercentileMicros(99), null, higherIsBetter: false);
        table.Add("crashes/s, 1,000 children failing at once", "/s", actorRate, rawRate, null, higherIsBetter: true);
        output.WriteLine($"  restart, crash sent by an actor: p50 {inside.PercentileMicros(50):F2} us, p99 {inside.PercentileMicros(99):F2} us, p99.9 {inside.PercentileMicros(99.9):F2} us");
        output.WriteLine($"  restart, crash sent from outside: p50 {outside.PercentileMicros(50):F2} us, p99 {outside.PercentileMicros(99):F2} us, p99.9 {outside.PercentileMicros(99.9):F2} us; {Format(actorRate)} crashes/s");
    }

    /// <summary>
    /// Runs <paramref name="round"/> (which returns a figure where lower is better: a median latency, or one over a
    /// rate) for at least <paramref name="minSeconds"/> and until no round in the last <paramref name="quietSeconds"/>
    /// beat the best before it by 3%, at most <paramref name="maxSeconds"/>; returns the seconds spent. Tiered
    /// compilation moves a path through slower instrumented code before its final tier, so a fixed short warm-up
    /// can stop in the middle of that.
    /// </summary>
    private static double WarmUntilSteady(Func<double> round, double minSeconds, double quietSeconds, double maxSeconds)
    {
        var clock = Stopwatch.StartNew();
        double best = double.MaxValue;
        double lastImprovement = 0;
        while (clock.Elapsed.TotalSeconds < maxSeconds)
        {
            double figure = round();
            double now = clock.Elapsed.TotalSeconds;
            if (figure < best * 0.97)
            {
                lastImprovement = now;
            }

            best = Math.Min(best, figure);
            if (now >= minSeconds && now - lastImprovement >= quietSeconds)
            {
                break;
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static void AskRoundTrip(QuickTable table, TextWriter output)
    {
        const int Samples = 200_000;
        var actorLatencies = new Latencies(Samples);
        var rawLatencies = new Latencies(Samples);
        double actorBytes = 0;
        double rawBytes = 0;
        using (var workload = new AskWorkload())
        {
            Task.Run(async () =>
            {
                await workload.MeasureAsync(20_000, new Latencies(0)).ConfigureAwait(false);
                await RawAsk.MeasureAsync(20_000, new Latencies(0)).ConfigureAwait(false);
                long a0 = GC.GetTotalAllocatedBytes(precise: true);
                await workload.MeasureAsync(Samples, actorLatencies).ConfigureAwait(false);
                long a1 = GC.GetTotalAllocatedBytes(precise: true);
                await RawAsk.MeasureAsync(Samples, rawLatencies).ConfigureAwait(false);
                long a2 = GC.GetTotalAllocatedBytes(precise: true);
                actorBytes = (a1 - a0) / (double)Samples;
                rawBytes = (a2 - a1) / (double)Samples;
            }).GetAwaiter().GetResult();
        }

        table.Add("Ask round trip p50 (vs TCS handoff)", "us", actorLatencies.PercentileMicros(50), rawLatencies.PercentileMicros(50), 0.8, higherIsBetter: false);
        table.Add("Ask round trip p99", "us", actorLatencies.PercentileMicros(99), rawLatencies.PercentileMicros(99), null, higherIsBetter: false);
        table.Add("Ask allocated bytes per round trip", "B", actorBytes, rawBytes, null, higherIsBetter: false);
        output.WriteLine($"  ask: p50 {actorLatencies.PercentileMicros(50):F2} us, p99 {actorLatencies.PercentileMicros(99):F2} us");
    }

    /// <summary>Collects everything an earlier section left, so that no section pays for another's garbage.</summary>
    private static void SettleGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(double[] values)
    {
        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    internal static string Format(double value) => value switch
    {
        >= 1e6 => (value / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " M",
        >= 1e4 => (value / 1e3).ToString("F1", CultureInfo.InvariantCulture) + " k",
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };
}
