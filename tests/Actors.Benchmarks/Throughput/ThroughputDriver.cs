using System.Diagnostics;
using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Throughput;

/// <summary>
/// Sends <c>targets x perTarget</c> pings, round-robin over the targets, from one thread with a reply counter as the
/// sender, and measures until the last reply: messages per second, median over the rounds after a warm-up.
/// </summary>
internal static class ThroughputDriver
{
    public static double Measure(ActorSystem system, int targets, int perTarget, int rounds, Action<int, IActorRef> send)
    {
        IActorRef counter = system.ActorOf(Props.Create<ReplyCounter>());
        RunRound(counter, targets, 1, send); // one message each: creates unit instances or entities, and waits for them
        RunRound(counter, targets, perTarget, send); // warm-up: JITs the path
        RunRound(counter, targets, perTarget, send);
        var rates = new List<double>(rounds);
        for (int r = 0; r < rounds; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            rates.Add(RunRound(counter, targets, perTarget, send));
        }

        system.Stop(counter);
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
