using Actors.Benchmarks.Support;
using Actors.Resilience;
using Actors.Resilience.Breaker;
using Actors.Resilience.Units;

namespace Actors.Benchmarks.Supervision;

/// <summary>
/// <c>crash-to-serving-p99</c>: microseconds from the moment a worker throws to its replacement's first reply (to a
/// ping sent right after the crash), with zero backoff, through a unit instance; against a plain Akka child restarted
/// in place by a <see cref="OneForOneStrategy"/>. Both ends are stamped on actor threads (the throw in the worker, the
/// reply's arrival in a signal actor). Failure logging is off in both systems.
/// </summary>
internal static class CrashToServing
{
    private const string Silent = "akka.loglevel = OFF\nakka.stdout-loglevel = OFF";

    public static BenchResult Run(BenchSettings settings)
    {
        double baseline = Plain(settings);
        double units = ThroughUnit(settings);
        double ratio = units / baseline;
        return new BenchResult("crash-to-serving-p99", "us", units, baseline, "ratio <= 1.5", ratio <= 1.5, "OneForOneStrategy restart");
    }

    private static double ThroughUnit(BenchSettings settings)
    {
        ActorSystem system = BenchSystem.Create("crash-units", Silent);
        try
        {
            var options = new ResilienceOptions();
            options.Kinds.Add(new UnitKindOptions("crash", static _ => Props.Create<Echo>())
            {
                MinBackoff = TimeSpan.Zero,
                MaxBackoff = TimeSpan.Zero,
                RandomFactor = 0,
                PassivateAfter = null,
                Breaker = new CircuitBreakerOptions { MaxFailures = int.MaxValue, ResetTimeout = TimeSpan.FromMinutes(1) },
            });
            IActorRef units = ResilienceRuntime.Start(system, options).Units;
            var crash = new UnitMessage("crash", "c", Crash.Instance);
            var ping = new UnitMessage("crash", "c", Ping.Instance);
            return Percentile99(system, settings, (target, signal) =>
            {
                units.Tell(crash, ActorRefs.NoSender);
                units.Tell(ping, signal);
            }, units, ping);
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static double Plain(BenchSettings settings)
    {
        ActorSystem system = BenchSystem.Create("crash-plain", Silent);
        try
        {
            IActorRef parent = system.ActorOf(Props.Create<RestartingParent>(), "parent");
            IActorRef child = parent.Ask<IActorRef>("child", TimeSpan.FromSeconds(5)).Result;
            return Percentile99(system, settings, (target, signal) =>
            {
                child.Tell(Crash.Instance, ActorRefs.NoSender);
                child.Tell(Ping.Instance, signal);
            }, child, Ping.Instance);
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static double Percentile99(ActorSystem system, BenchSettings settings, Action<IActorRef, IActorRef> crashThenPing, IActorRef target, object ping)
    {
        IActorRef signal = system.ActorOf(Props.Create<Signal>());
        Sample(signal, s => target.Tell(ping, s), crash: false); // the instance or child exists and serves
        for (int i = 0; i < settings.CrashSamples; i++)
        {
            Sample(signal, s => crashThenPing(target, s), crash: true); // warm-up: the failure path reaches its final JIT tier
        }

        var latencies = new Latencies(settings.CrashSamples);
        for (int i = 0; i < settings.CrashSamples; i++)
        {
            latencies.Add(Sample(signal, s => crashThenPing(target, s), crash: true));
        }

        return latencies.PercentileMicros(99);
    }

    private static long Sample(IActorRef signal, Action<IActorRef> act, bool crash)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        signal.Ask<bool>(done, TimeSpan.FromSeconds(10)).Wait();
        long before = Echo.LastCrash;
        act(signal);
        if (!done.Task.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No reply within 10 s after a crash: the replacement never served.");
        }

        long crashed = Echo.LastCrash;
        if (crash && crashed == before)
        {
            throw new InvalidOperationException("The reply came but the worker never threw.");
        }

        return done.Task.Result - crashed;
    }

    private sealed class RestartingParent : UntypedActor
    {
        private IActorRef? _child;

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(static _ => Directive.Restart);

        protected override void PreStart() => _child = Context.ActorOf(Props.Create<Echo>(), "child");

        protected override void OnReceive(object message) => Sender.Tell(_child);
    }
}
