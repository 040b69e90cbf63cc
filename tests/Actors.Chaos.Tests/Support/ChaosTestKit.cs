using Actors.Chaos.Configuration;
using Actors.Chaos.Monkey;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Chaos.Tests.Support;

/// <summary>
/// Akka's xunit TestKit on virtual time (<see cref="TestScheduler"/>). Nothing sleeps: the monkey's timer is armed
/// before it answers <see cref="StartChaos"/>, so a test that has the answer may advance the clock; injections are
/// observed as <see cref="ChaosInjectionRecord"/>s on the event stream.
/// </summary>
public abstract class ChaosTestKit(ITestOutputHelper? output = null) : Akka.TestKit.Xunit2.TestKit(
    """
    akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
    akka.loglevel = WARNING
    akka.log-dead-letters = off
    akka.test.single-expect-default = 10s
    """, output: output)
{
    /// <summary>How long an explicit signal may take (real time): generous, because the machine is shared.</summary>
    protected static readonly TimeSpan Signal = TimeSpan.FromSeconds(10);

    /// <summary>How long "nothing arrives" is watched for (real time): only where the absence is the point.</summary>
    protected static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    protected TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    /// <summary>Options with the given faults and weights, a seed, and the rate.</summary>
    protected static ChaosOptions Options(double rate, params (Faults.IChaosFault Fault, double Weight)[] faults)
    {
        var options = new ChaosOptions { RatePerSecond = rate, Seed = 42 };
        foreach ((Faults.IChaosFault fault, double weight) in faults)
        {
            options.AddFault(fault, weight);
        }

        return options;
    }

    /// <summary>A probe subscribed to every injection record.</summary>
    protected TestProbe SubscribeInjections()
    {
        TestProbe probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(ChaosInjectionRecord));
        return probe;
    }

    /// <summary>Starts a monkey and waits for its answer to <see cref="StartChaos"/> (its timer is armed then).</summary>
    protected async Task<IActorRef> StartedMonkeyAsync(ChaosOptions options, double? rate = null)
    {
        IActorRef monkey = Sys.ActorOf(ChaosMonkey.Props(options));
        ChaosStatus status = await monkey.Ask<ChaosStatus>(new StartChaos(rate), Signal);
        Assert.True(status.Running);
        return monkey;
    }

    /// <summary>
    /// Moves virtual time by one period <paramref name="steps"/> times, each time waiting for the injection that tick
    /// started to be recorded (a burst of ticks faster than injections finish would be skipped as "in flight").
    /// </summary>
    protected async Task<IReadOnlyList<ChaosInjectionRecord>> TickAsync(TestProbe injections, int steps, TimeSpan period)
    {
        var records = new List<ChaosInjectionRecord>();
        for (int i = 0; i < steps; i++)
        {
            Scheduler.Advance(period);
            records.Add(await injections.ExpectMsgAsync<ChaosInjectionRecord>(Signal));
        }

        return records;
    }

    /// <summary>Moves virtual time in steps, so a repeating timer of period <paramref name="step"/> fires once per step.</summary>
    protected void AdvanceInSteps(int steps, TimeSpan step)
    {
        for (int i = 0; i < steps; i++)
        {
            Scheduler.Advance(step);
        }
    }
}
