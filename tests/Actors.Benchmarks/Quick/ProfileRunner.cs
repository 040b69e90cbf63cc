using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Dispatch;

namespace Actors.Benchmarks.Quick;

/// <summary>
/// Runs one actor ping-pong case alone for a while, for a profiler to attach to (<c>--profile PAIRS INFLIGHT SECONDS</c>).
/// Prints the rate of each round so mode changes of the machine show.
/// </summary>
internal static class ProfileRunner
{
    public static int Run(TextWriter output, IReadOnlyList<string> args)
    {
        int pairs = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        int inFlight = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        double seconds = args.Count > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        using var actors = new ActorPingPong(pairs);
        const int Budget = 1_000_000;
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            long t0 = Stopwatch.GetTimestamp();
            long messages = actors.Run(Budget / pairs, inFlight);
            output.WriteLine($"  {pairs} x {inFlight}: {messages / Stopwatch.GetElapsedTime(t0).TotalSeconds / 1e6:F2} M msg/s");
        }

        return 0;
    }
}
