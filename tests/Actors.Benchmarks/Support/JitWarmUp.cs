using System.Diagnostics;
using System.Runtime;

namespace Actors.Benchmarks.Support;

/// <summary>
/// Runs a warm-up until the JIT has settled: until rounds that together last at least <see cref="QuietWindow"/> have
/// compiled no method (<see cref="JitInfo.GetCompiledMethodCount"/>). Tiered compilation first runs methods
/// unoptimized, and promotes them only after they were called 30 times and no method was compiled for 100 ms; with
/// dynamic PGO a method passes an instrumented tier on its way. A fixed number of warm-up calls can leave a
/// benchmark measuring unoptimized code for seconds, more of it on the side that runs more code of its own (checked
/// with perf's JIT map on crash-to-serving: most of its samples were in tier-0 code), which no long-running service
/// runs. Progress is printed after each second of warm-up.
/// </summary>
internal static class JitWarmUp
{
    /// <summary>How long rounds must run without compiling a method: several times the JIT's 100 ms call-counting delay.</summary>
    public static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs <paramref name="round"/> until the JIT has been quiet for <see cref="QuietWindow"/>, or <paramref name="limit"/> has passed.</summary>
    /// <returns>How long the warm-up took and whether the JIT settled within the limit.</returns>
    public static (TimeSpan Took, bool Settled) Run(string name, Action round, TimeSpan limit)
    {
        var total = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        long compiled = JitInfo.GetCompiledMethodCount();
        TimeSpan nextReport = TimeSpan.FromSeconds(1);
        while (total.Elapsed < limit)
        {
            round();
            long now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
            else if (quiet.Elapsed >= QuietWindow)
            {
                return (total.Elapsed, true);
            }

            if (total.Elapsed >= nextReport)
            {
                Console.WriteLine($"  {name}: warming up, {total.Elapsed.TotalSeconds:0} s, {compiled:N0} methods compiled so far");
                nextReport += TimeSpan.FromSeconds(1);
            }
        }

        return (total.Elapsed, false);
    }
}
