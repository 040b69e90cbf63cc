using Actors.Benchmarks.Support;
using Actors.Resilience;
using Actors.Resilience.Units;

namespace Actors.Benchmarks.Throughput;

/// <summary>
/// <c>unit-throughput</c>: pings to 1,000 unit instances through <see cref="UnitMessage"/> (units guardian, region,
/// instance supervisor, worker), against a direct <c>Tell</c> to 1,000 plain Akka actors doing the same work.
/// </summary>
internal static class UnitThroughput
{
    public const int Targets = 1_000;

    public static BenchResult Run(BenchSettings settings)
    {
        double baseline = Direct(settings);
        double units = ThroughUnits(settings);
        double ratio = units / baseline;
        return new BenchResult("unit-throughput", "msg/s", units, baseline, "ratio >= 0.5", ratio >= 0.5, "direct Tell to 1,000 plain actors");
    }

    public static double ThroughUnits(BenchSettings settings)
    {
        ActorSystem system = BenchSystem.Create("unit-throughput");
        try
        {
            IActorRef units = StartUnits(system);
            string[] ids = Enumerable.Range(0, Targets).Select(i => "u" + i).ToArray();
            return ThroughputDriver.Measure(system, Targets, settings.PerTarget, settings.Rounds, (i, counter) =>
                units.Tell(new UnitMessage("bench", ids[i], Ping.Instance), counter));
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    public static IActorRef StartUnits(ActorSystem system)
    {
        var options = new ResilienceOptions();
        options.Kinds.Add(new UnitKindOptions("bench", static _ => Props.Create<Echo>()) { PassivateAfter = null });
        return ResilienceRuntime.Start(system, options).Units;
    }

    private static double Direct(BenchSettings settings)
    {
        ActorSystem system = BenchSystem.Create("direct-throughput");
        try
        {
            IActorRef[] targets = Enumerable.Range(0, Targets).Select(i => system.ActorOf(Props.Create<Echo>(), "e" + i)).ToArray();
            return ThroughputDriver.Measure(system, Targets, settings.PerTarget, settings.Rounds, (i, counter) => targets[i].Tell(Ping.Instance, counter));
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }
}
