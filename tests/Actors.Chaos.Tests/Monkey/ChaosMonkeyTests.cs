using Actors.Chaos.Monkey;
using Actors.Chaos.Tests.Support;
using Actors.Resilience.Health;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Chaos.Tests.Monkey;

public sealed class ChaosMonkeyTests(ITestOutputHelper output) : ChaosTestKit(output)
{
    [Fact]
    public async Task Start_TwoPerSecond_InjectsOncePerHalfSecondOfVirtualTime_AndNothingBefore()
    {
        var fault = new FakeFault("a");
        TestProbe injections = SubscribeInjections();
        IActorRef monkey = await StartedMonkeyAsync(Options(2, (fault, 1)));

        Scheduler.Advance(TimeSpan.FromMilliseconds(499));
        await injections.ExpectNoMsgAsync(Quiet);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ChaosInjectionOutcome.Injected, (await injections.ExpectMsgAsync<ChaosInjectionRecord>()).Outcome);
        IReadOnlyList<ChaosInjectionRecord> records = await TickAsync(injections, 9, TimeSpan.FromMilliseconds(500));

        Assert.All(records, r => Assert.Equal((ChaosInjectionOutcome.Injected, "a"), (r.Outcome, r.Fault)));

        await injections.ExpectNoMsgAsync(Quiet);
        ChaosStatus status = await monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, Signal);
        Assert.Equal(10, status.Injected);
        Assert.Equal(10, status.ByFault["a"]);
        Assert.Equal(10, fault.Injections);
        Assert.Equal("injection 10", status.Recent[0].Detail); // newest first
    }

    [Fact]
    public async Task Tick_SeededWeights_PicksInProportion_AndNeverAFaultThatIsOff()
    {
        var light = new FakeFault("light");
        var heavy = new FakeFault("heavy");
        var off = new FakeFault("off");
        TestProbe injections = SubscribeInjections();
        IActorRef monkey = await StartedMonkeyAsync(Options(20, (light, 1), (heavy, 3), (off, 0)));

        await TickAsync(injections, 400, TimeSpan.FromMilliseconds(50));

        ChaosStatus status = await monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, Signal);
        Assert.Equal(400, status.Injected);
        Assert.Equal(0, status.ByFault["off"]);
        double heavyShare = status.ByFault["heavy"] / 400.0;
        Assert.InRange(heavyShare, 0.68, 0.82); // expected 0.75; the seed makes the count repeatable
        Assert.Equal(400, status.ByFault["light"] + status.ByFault["heavy"]);
    }

    [Fact]
    public async Task Stop_AfterInjections_ClearsEveryFault_StopsTicking_AndAnswersNotRunning()
    {
        var a = new FakeFault("a");
        var b = new FakeFault("b");
        TestProbe injections = SubscribeInjections();
        IActorRef monkey = await StartedMonkeyAsync(Options(1, (a, 1), (b, 1)));
        await TickAsync(injections, 6, TimeSpan.FromSeconds(1));

        ChaosStatus stopped = await monkey.Ask<ChaosStatus>(StopChaos.Instance, Signal);

        Assert.False(stopped.Running);
        Assert.NotNull(stopped.StoppedAt);
        Assert.Empty(stopped.ClearErrors);
        Assert.False(a.Standing);
        Assert.False(b.Standing);
        Assert.Equal(2, a.Clears); // once when the monkey started, once at the stop
        Assert.Equal(2, b.Clears);
        AdvanceInSteps(5, TimeSpan.FromSeconds(1));
        await injections.ExpectNoMsgAsync(Quiet);
        Assert.Equal(6, (await monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, Signal)).Injected);
    }

    [Fact]
    public async Task StartInjectAndStop_EachReportedIntoHealth_AsTheChaosOwnersCounters()
    {
        var a = new FakeFault("a");
        TestProbe counters = CreateTestProbe();
        Sys.EventStream.Subscribe(counters.Ref, typeof(WorkloadCounters));
        TestProbe injections = SubscribeInjections();

        IActorRef monkey = await StartedMonkeyAsync(Options(1, (a, 1)));
        Assert.Equal(1, await NextChaosCounter(counters, "running", 1));
        await TickAsync(injections, 2, TimeSpan.FromSeconds(1));
        Assert.Equal(2, await NextChaosCounter(counters, "injected", 2));
        await monkey.Ask<ChaosStatus>(StopChaos.Instance, Signal);

        Assert.Equal(0, await NextChaosCounter(counters, "running", 0));
    }

    [Fact]
    public async Task Stop_WhileAnInjectionIsInFlight_ClearsOnlyAfterItFinished()
    {
        var slow = new FakeFault("slow", gated: true);
        IActorRef monkey = await StartedMonkeyAsync(Options(1, (slow, 1)));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await slow.Started.Task.WaitAsync(Signal);

        Task<ChaosStatus> stop = monkey.Ask<ChaosStatus>(StopChaos.Instance, Signal);
        await Assert.ThrowsAsync<TimeoutException>(() => stop.WaitAsync(Quiet));
        Assert.Equal(["clear"], slow.Log); // only the clear the monkey does at its own start

        slow.Release();
        ChaosStatus stopped = await stop;

        Assert.Equal(["clear", "inject", "clear"], slow.Log);
        Assert.False(slow.Standing);
        Assert.Equal(1, stopped.Injected);
    }

    [Fact]
    public async Task Tick_WhileMaxInjectionsAreInFlight_IsSkippedAndCounted()
    {
        var slow = new FakeFault("slow", gated: true);
        TestProbe injections = SubscribeInjections();
        IActorRef monkey = await StartedMonkeyAsync(Options(1, (slow, 1)));
        AdvanceInSteps(ChaosMonkey.MaxInFlight, TimeSpan.FromSeconds(1));
        await monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, Signal); // every tick so far handled

        Scheduler.Advance(TimeSpan.FromSeconds(1));

        ChaosInjectionRecord skipped = await injections.ExpectMsgAsync<ChaosInjectionRecord>();
        Assert.Equal(ChaosInjectionOutcome.Skipped, skipped.Outcome);
        Assert.Contains("in flight", skipped.Detail, StringComparison.Ordinal);
        slow.Release();
        for (int i = 0; i < ChaosMonkey.MaxInFlight; i++)
        {
            Assert.Equal(ChaosInjectionOutcome.Injected, (await injections.ExpectMsgAsync<ChaosInjectionRecord>()).Outcome);
        }

        ChaosStatus status = await monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, Signal);
        Assert.Equal((ChaosMonkey.MaxInFlight, 1L), (status.Injected, status.Skipped));
    }

    [Fact]
    public async Task PreStart_ClearsStandingFaultsLeftByAnEarlierRun_BeforeAnyInjection()
    {
        var fault = new FakeFault("a");
        TestProbe injections = SubscribeInjections();
        await StartedMonkeyAsync(Options(1, (fault, 1)));
        Assert.Equal(["clear"], fault.Log);

        Scheduler.Advance(TimeSpan.FromSeconds(1));

        await injections.ExpectMsgAsync<ChaosInjectionRecord>();
        Assert.Equal(["clear", "inject"], fault.Log);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public async Task Start_RateOutOfRange_IsRefusedWithTheAllowedRange(double rate)
    {
        IActorRef monkey = Sys.ActorOf(ChaosMonkey.Props(Options(1, (new FakeFault("a"), 1))));

        object answer = await monkey.Ask<object>(new StartChaos(rate), Signal);

        ChaosRefused refused = Assert.IsType<ChaosRefused>(answer);
        Assert.Contains("from 1/h to 20/s", refused.Reason, StringComparison.Ordinal);
        Assert.False((await monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, Signal)).Running);
    }

    [Fact]
    public async Task Start_EveryFaultOff_IsRefused()
    {
        IActorRef monkey = Sys.ActorOf(ChaosMonkey.Props(Options(1, (new FakeFault("a"), 0))));
        ChaosRefused refused = Assert.IsType<ChaosRefused>(await monkey.Ask<object>(new StartChaos(), Signal));
        Assert.Contains("every fault is off", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_RecentList_IsBoundedByItsCapacity_WhileTotalsKeepCounting()
    {
        var fault = new FakeFault("a");
        var options = Options(20, (fault, 1));
        options.RecentCapacity = 5;
        TestProbe injections = SubscribeInjections();
        IActorRef monkey = await StartedMonkeyAsync(options);
        await TickAsync(injections, 12, TimeSpan.FromMilliseconds(50));

        ChaosStatus status = await monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, Signal);
        Assert.Equal(12, status.Injected);
        Assert.Equal(5, status.Recent.Count);
        Assert.Equal("injection 12", status.Recent[0].Detail);
    }

    [Fact]
    public async Task EnabledAtStart_RunsAtOnce_FirstTickOnePeriodAfterTheClear()
    {
        var fault = new FakeFault("a");
        var options = Options(1, (fault, 1));
        options.EnabledAtStart = true;
        TestProbe injections = SubscribeInjections();
        IActorRef monkey = Sys.ActorOf(ChaosMonkey.Props(options));
        Assert.True((await monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, Signal)).Running);

        // StartChaos waits for the start-up clear (stashed); its answer means the timer is armed.
        await monkey.Ask<ChaosStatus>(new StartChaos(), Signal);
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ChaosInjectionOutcome.Injected, (await injections.ExpectMsgAsync<ChaosInjectionRecord>()).Outcome);
        Assert.Equal(["clear", "inject"], fault.Log);
    }

    // The chaos owner's counter once it reaches the expected value (earlier reports are skipped).
    private static async Task<long> NextChaosCounter(TestProbe probe, string name, long expected)
    {
        while (true)
        {
            WorkloadCounters c = await probe.ExpectMsgAsync<WorkloadCounters>(TimeSpan.FromSeconds(10));
            if (c.Owner == "chaos" && c.Counters[name] == expected)
            {
                return c.Counters[name];
            }
        }
    }
}
