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
        ActorSystem unitSystem = BenchSystem.Create("unit-throughput");
        ActorSystem directSystem = BenchSystem.Create("direct-throughput");
        try
        {
            IActorRef[] targets = Enumerable.Range(0, Targets).Select(i => directSystem.ActorOf(Props.Create<Echo>(), "e" + i)).ToArray();
            var direct = new ThroughputPath(directSystem, (i, counter) => targets[i].Tell(Ping.Instance, counter));
            (double baseline, double units) = ThroughputDriver.Compare(settings, Targets, direct, UnitsPath(unitSystem));
            double ratio = units / baseline;
            return new BenchResult("unit-throughput", "msg/s", units, baseline, "ratio >= 0.5", ratio >= 0.5, "direct Tell to 1,000 plain actors");
        }
        finally
        {
            BenchSystem.Shutdown(unitSystem);
            BenchSystem.Shutdown(directSystem);
        }
    }

    /// <summary>Pings through <see cref="UnitMessage"/> (<see cref="ResilienceRuntime.Tell"/>) to the 1,000 instances of kind <c>bench</c>.</summary>
    public static ThroughputPath UnitsPath(ActorSystem system)
    {
        ResilienceRuntime runtime = StartRuntime(system);
        // Messages are immutable: one per instance, reused, as the direct path reuses its ping.
        UnitMessage[] messages = Enumerable.Range(0, Targets).Select(i => new UnitMessage("bench", "u" + i, Ping.Instance)).ToArray();
        return new ThroughputPath(system, (i, counter) => runtime.Tell(messages[i], counter));
    }

    public static ResilienceRuntime StartRuntime(ActorSystem system)
    {
        var options = new ResilienceOptions();
        options.Kinds.Add(new UnitKindOptions("bench", static _ => Props.Create<Echo>()) { PassivateAfter = null });
        return ResilienceRuntime.Start(system, options);
    }
}
