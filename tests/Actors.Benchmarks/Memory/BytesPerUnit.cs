using Actors.Benchmarks.Support;
using Actors.Resilience.Units;

namespace Actors.Benchmarks.Memory;

/// <summary>
/// <c>bytes-per-unit</c>: managed bytes retained per idle unit instance (instance supervisor, breaker actor, worker,
/// and the region's, aggregator's and breaker's bookkeeping), measured with a full GC before and after creating
/// 100,000 of them, against the same measure for 100,000 bare Akka actors.
/// </summary>
internal static class BytesPerUnit
{
    public static BenchResult Run(BenchSettings settings)
    {
        double baseline = Measure(settings.Instances, units: false);
        double perUnit = Measure(settings.Instances, units: true);
        double ratio = perUnit / baseline;
        return new BenchResult("bytes-per-unit", "B", perUnit, baseline, "ratio <= 4", ratio <= 4, "a bare Akka actor");
    }

    private static double Measure(int count, bool units)
    {
        ActorSystem system = BenchSystem.Create(units ? "bytes-units" : "bytes-actors");
        try
        {
            IActorRef? unitsRef = units ? Throughput.UnitThroughput.StartRuntime(system).Units : null;
            IActorRef counter = system.ActorOf(Props.Create<ReplyCounter>());
            Settle(system, counter, 1, i => Send(system, unitsRef, "warm" + i, counter));
            var keep = new IActorRef?[count];
            long before = Retained();
            Settle(system, counter, count, i => keep[i] = Send(system, unitsRef, "m" + i, counter));
            long after = Retained();
            GC.KeepAlive(keep);
            return (after - before) / (double)count;
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static IActorRef? Send(ActorSystem system, IActorRef? units, string id, IActorRef counter)
    {
        if (units is not null)
        {
            units.Tell(new UnitMessage("bench", id, Ping.Instance), counter);
            return null;
        }

        IActorRef actor = system.ActorOf(Props.Create<Echo>(), id);
        actor.Tell(Ping.Instance, counter);
        return actor;
    }

    private static void Settle(ActorSystem system, IActorRef counter, int count, Action<int> create)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        counter.Ask<ReplyCounter.Expect>(new ReplyCounter.Expect(count, done), TimeSpan.FromSeconds(10)).Wait();
        for (int i = 0; i < count; i++)
        {
            create(i);
        }

        if (!done.Task.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"{count} actors did not all answer within 2 minutes.");
        }

        // Let the state-change events and the aggregator catch up before measuring.
        system.ActorSelection("/user/health").Ask<object>(new Identify(null), TimeSpan.FromSeconds(30)).Wait();
    }

    private static long Retained()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
