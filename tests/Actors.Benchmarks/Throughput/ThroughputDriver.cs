using System.Diagnostics;
using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Throughput;

/// <summary>
/// Sends <c>targets x perTarget</c> pings, round-robin over the targets, from one thread with a reply counter as the
/// sender, and measures until the last reply. Two paths are measured in alternating rounds (after a round that
/// creates the targets and a warm-up round each), so a change in the machine's speed during the run lands on both
/// alike; each figure is the median of its rounds, in messages per second.
/// </summary>
internal static class ThroughputDriver
{
    private const int WarmUpRounds = 4;

    public static (double First, double Second) Compare(BenchSettings settings, int targets, ThroughputPath first, ThroughputPath second)
    {
        IActorRef firstCounter = first.System.ActorOf(Props.Create<ReplyCounter>());
        IActorRef secondCounter = second.System.ActorOf(Props.Create<ReplyCounter>());
        foreach (var (path, counter) in new[] { (first, firstCounter), (second, secondCounter) })
        {
            RunRound(counter, targets, 1, path.Send); // one message each: creates unit instances or entities, and waits for them
        }

        // Warm-up, alternating: tiered compilation brings both paths (and Akka's) to their final tier, and the thread
        // pool to its working size, before anything is measured.
        for (int w = 0; w < WarmUpRounds; w++)
        {
            RunRound(firstCounter, targets, settings.PerTarget, first.Send);
            RunRound(secondCounter, targets, settings.PerTarget, second.Send);
        }

        var firstRates = new List<double>(settings.Rounds);
        var secondRates = new List<double>(settings.Rounds);
        for (int r = 0; r < settings.Rounds; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            firstRates.Add(RunRound(firstCounter, targets, settings.PerTarget, first.Send));
            GC.Collect();
            GC.WaitForPendingFinalizers();
            secondRates.Add(RunRound(secondCounter, targets, settings.PerTarget, second.Send));
        }

        return (Median(firstRates), Median(secondRates));
    }

    private static double Median(List<double> rates)
    {
        rates.Sort();
        return rates[rates.Count / 2];
    }

    private static double RunRound(IActorRef counter, int targets, int perTarget, Action<int, IActorRef> send)
    {
        long total = (long)targets * perTarget;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        counter.Ask<ReplyCounter.Expect>(new ReplyCounter.Expect(total, done), TimeSpan.FromSeconds(10)).Wait();
        long start = Stopwatch.GetTimestamp();
        for (int p = 0; p < perTarget; p++)
        {
            for (int i = 0; i < targets; i++)
            {
                send(i, counter);
            }
        }

        if (!done.Task.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"Only part of {total} replies arrived within 2 minutes: a message was lost.");
        }

        return total / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
