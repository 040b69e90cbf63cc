using System.Globalization;
using Actors.Benchmarks.Support;
using Actors.Resilience;
using Actors.Resilience.Breaker;
using Actors.Resilience.Units;

namespace Actors.Benchmarks.Supervision;

/// <summary>
/// <c>crash-to-serving-p99</c>: microseconds from the moment a worker throws to its replacement's first reply (to a
/// ping sent right after the crash), with zero backoff, through a unit instance; against a plain Akka child restarted
/// in place by a <see cref="OneForOneStrategy"/>. Both are sent as their users send them: the unit's through
/// <see cref="ResilienceRuntime.Tell"/>, the child's with a direct <c>Tell</c>. Both ends are stamped on actor threads
/// (the throw in the worker, the reply's arrival in a signal actor). Failure logging is off in both systems. Nothing is
/// measured before the JIT has settled on both paths (<see cref="JitWarmUp"/>).
/// </summary>
internal static class CrashToServing
{
    private const string Silent = "akka.loglevel = OFF\nakka.stdout-loglevel = OFF";

    /// <summary>Many short rounds, each side first in every other one: a spell of a busy machine lands on both.</summary>
    private const int SamplesPerRound = 500;

    /// <summary>Crashes per side in each warm-up round (see <see cref="JitWarmUp"/>).</summary>
    private const int WarmUpSamples = 200;

    public static BenchResult Run(BenchSettings settings)
    {
        // Both systems run side by side and are sampled in alternating rounds, so a change in the machine's speed
        // during the run lands on both figures alike.
        ActorSystem unitSystem = BenchSystem.Create("crash-units", Silent);
        ActorSystem plainSystem = BenchSystem.Create("crash-plain", Silent);
        try
        {
            Path unit = UnitPath(unitSystem);
            Path plain = PlainPath(plainSystem);
            int rounds = settings.CrashSamples / SamplesPerRound;
            var unitLatencies = new Latencies(settings.CrashSamples);
            var plainLatencies = new Latencies(settings.CrashSamples);
            // Both failure paths (ours and Akka's) reach their final JIT tier before anything is measured.
            var (warmUp, settled) = JitWarmUp.Run(
                "crash-to-serving-p99",
                () =>
                {
                    Collect(plain, WarmUpSamples, null);
                    Collect(unit, WarmUpSamples, null);
                },
                TimeSpan.FromSeconds(15));
            for (int round = 0; round < rounds; round++)
            {
                bool plainFirst = round % 2 == 0;
                Collect(plainFirst ? plain : unit, SamplesPerRound, plainFirst ? plainLatencies : unitLatencies);
                Collect(plainFirst ? unit : plain, SamplesPerRound, plainFirst ? unitLatencies : plainLatencies);
            }

            double units = unitLatencies.PercentileMicros(99);
            double baseline = plainLatencies.PercentileMicros(99);
            double ratio = units / baseline;
            return new BenchResult(
                "crash-to-serving-p99",
                "us",
                units,
                baseline,
                "ratio <= 1.5",
                ratio <= 1.5,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"OneForOneStrategy restart; p50 {unitLatencies.PercentileMicros(50):0.0} vs {plainLatencies.PercentileMicros(50):0.0} us; JIT {(settled ? "settled" : "NOT settled")} after {warmUp.TotalSeconds:0.0} s warm-up"));
        }
        finally
        {
            BenchSystem.Shutdown(unitSystem);
            BenchSystem.Shutdown(plainSystem);
        }
    }

    private static Path UnitPath(ActorSystem system)
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
        ResilienceRuntime runtime = ResilienceRuntime.Start(system, options);
        var crash = new UnitMessage("crash", "c", Crash.Instance);
        var ping = new UnitMessage("crash", "c", Ping.Instance);
        return new Path(system.ActorOf(Props.Create<Signal>()), (message, sender) => runtime.Tell((UnitMessage)message, sender), ping, crash);
    }

    private static Path PlainPath(ActorSystem system)
    {
        IActorRef parent = system.ActorOf(Props.Create<RestartingParent>(), "parent");
        IActorRef child = parent.Ask<IActorRef>("child", TimeSpan.FromSeconds(5)).Result;
        return new Path(system.ActorOf(Props.Create<Signal>()), child.Tell, Ping.Instance, Crash.Instance);
    }

    private static void Collect(Path path, int samples, Latencies? into)
    {
        Sample(path.Signal, s => path.Send(path.Ping, s), crash: false); // the instance or child exists and serves
        for (int i = 0; i < samples; i++)
        {
            long ticks = Sample(path.Signal, s =>
            {
                path.Send(path.Crash, ActorRefs.Nobody);
                path.Send(path.Ping, s);
            }, crash: true);
            into?.Add(ticks);
        }
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

    /// <summary>How crashes and pings are sent, and the actor that stamps the replies.</summary>
    private sealed record Path(IActorRef Signal, Action<object, IActorRef> Send, object Ping, object Crash);

    private sealed class RestartingParent : UntypedActor
    {
        private IActorRef? _child;

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(static _ => Directive.Restart);

        protected override void PreStart() => _child = Context.ActorOf(Props.Create<Echo>(), "child");

        protected override void OnReceive(object message) => Sender.Tell(_child);
    }
}
