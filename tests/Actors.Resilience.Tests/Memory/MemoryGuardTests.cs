using Actors.Resilience.Memory;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Actors.TestKit;

namespace Actors.Resilience.Tests.Memory;

public sealed class MemoryGuardTests : TestKit.TestKit
{
    private readonly FakeMemoryProbe _memory = new();
    private readonly TestProbe _actions;
    private readonly TestProbe _starts;
    private readonly ResilienceRuntime _runtime;

    public MemoryGuardTests()
    {
        _actions = CreateTestProbe("actions");
        _starts = CreateTestProbe("starts");
        Sys.EventStream.Subscribe<MemoryAction>(_actions.Ref);
        var options = new ResilienceOptions();
        options.Health.Probe = new FakeResourceProbe();
        options.Memory.Probe = _memory;
        options.Memory.PassivateIdleAfter = TimeSpan.FromSeconds(30);
        IActorRef starts = _starts.Ref;
        options.Kinds.Add(new UnitKindOptions("feed", id => Props.Create(() => new FlakyWorker(id, starts, false))));
        options.Kinds.Add(new UnitKindOptions("session", id => Props.Create(() => new FlakyWorker(id, starts, false))) { Critical = true });
        _runtime = ResilienceRuntime.Start(Sys, options);
        AwaitIdle();
    }

    private object Send(string kind, string id, string message) =>
        _runtime.Units.Ask<object>(new UnitMessage(kind, id, message)).WaitAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();

    [Fact]
    public void Sample_AboveSoftThreshold_CleansUpOnceThenWaitsForTheCooldown()
    {
        _memory.Ratio = 0.8;
        Advance(TimeSpan.FromSeconds(10));
        var first = _actions.ExpectMsg<MemoryAction>();
        Assert.Equal(MemoryActionKind.Cleanup, first.Kind);
        Assert.Equal(MemoryActionTrigger.Automatic, first.Trigger);
        Assert.Equal(1, _memory.Compactions);

        Advance(TimeSpan.FromSeconds(110));
        _actions.ExpectNoMsg();
        Assert.Equal(1, _memory.Compactions);

        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(MemoryActionKind.Cleanup, _actions.ExpectMsg<MemoryAction>().Kind);
        Assert.Equal(2, _memory.Compactions);
    }

    [Fact]
    public async Task Sample_AboveHardThreshold_StopsNonCriticalRefusesNewWorkUntilBelowSoft()
    {
        Assert.Equal("BTC:hi", Send("feed", "BTC", "hi"));
        Assert.Equal("s1:hi", Send("session", "s1", "hi"));

        _memory.Ratio = 0.95;
        Advance(TimeSpan.FromSeconds(10));
        var emergency = _actions.ExpectMsg<MemoryAction>();
        Assert.Equal(MemoryActionKind.Emergency, emergency.Kind);
        AwaitIdle();

        var units = new UnitOperations(_runtime);
        Assert.Empty((await units.List("feed"))!.Instances);
        Assert.Single((await units.List("session"))!.Instances);

        var refused = Assert.IsType<Overloaded>(Send("feed", "ETH", "hi"));
        Assert.Equal(TimeSpan.FromSeconds(10), refused.RetryAfter);
        Assert.IsType<Overloaded>(Send("feed", "BTC", "hi"));
        Assert.IsType<Overloaded>(Send("session", "s2", "hi"));
        Assert.Equal("s1:still", Send("session", "s1", "still"));

        // Between the thresholds: cleanup runs, work is still refused.
        _memory.Ratio = 0.8;
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(MemoryActionKind.Cleanup, _actions.ExpectMsg<MemoryAction>().Kind);
        Assert.IsType<Overloaded>(Send("feed", "ETH", "hi"));

        _memory.Ratio = 0.5;
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(MemoryActionKind.Recovered, _actions.ExpectMsg<MemoryAction>().Kind);
        Assert.Equal("ETH:hi", Send("feed", "ETH", "hi"));

        var status = await new MemoryOperations(_runtime).Get();
        Assert.False(status.Overloaded);
        Assert.Equal([MemoryActionKind.Emergency, MemoryActionKind.Cleanup, MemoryActionKind.Recovered], status.Actions.Select(a => a.Kind));
    }

    [Fact]
    public async Task Operations_ManualCleanupAndEmergency_UseTheGuardsOwnPathAndJournal()
    {
        Assert.Equal("BTC:hi", Send("feed", "BTC", "hi"));
        var ops = new MemoryOperations(_runtime);

        Advance(TimeSpan.FromSeconds(30));
        var cleanup = await ops.Cleanup();
        Assert.Equal(MemoryActionKind.Cleanup, cleanup.Kind);
        Assert.Equal(MemoryActionTrigger.Manual, cleanup.Trigger);
        Assert.Equal(MemoryActionKind.Cleanup, (await ops.Cleanup()).Kind); // manual ignores the cooldown
        Assert.Equal(2, _memory.Compactions);
        AwaitIdle();
        Assert.Empty((await new UnitOperations(_runtime).List("feed"))!.Instances); // idle for 30 s: passivated

        var emergency = await ops.Emergency();
        Assert.Equal(MemoryActionKind.Emergency, emergency.Kind);
        Assert.True((await ops.Get()).Overloaded);
        AwaitIdle();
        Assert.IsType<Overloaded>(Send("feed", "BTC", "hi"));

        Advance(TimeSpan.FromSeconds(10)); // the next sample is below the soft threshold
        Assert.False((await ops.Get()).Overloaded);
        Assert.Equal(
            [MemoryActionKind.Cleanup, MemoryActionKind.Cleanup, MemoryActionKind.Emergency, MemoryActionKind.Recovered],
            _actions.ReceiveN(4).Cast<MemoryAction>().Select(a => a.Kind));
    }
}
