using Actors.Resilience.Health;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Actors.TestKit;

namespace Actors.Resilience.Tests.Units;

public sealed class UnitRegionTests : TestKit.TestKit
{
    private readonly TestProbe _starts;
    private readonly ResilienceRuntime _runtime;
    private readonly UnitOperations _units;

    public UnitRegionTests()
    {
        _starts = CreateTestProbe("starts");
        IActorRef starts = _starts.Ref;
        var options = new ResilienceOptions();
        options.Health.Probe = new FakeResourceProbe();
        options.Memory.Probe = new FakeMemoryProbe();
        options.Kinds.Add(new UnitKindOptions("session", id => Props.Create(() => new FlakyWorker(id, starts, id.StartsWith("bad", StringComparison.Ordinal))))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(4),
            RandomFactor = 0,
            PassivateAfter = TimeSpan.FromMinutes(1),
            Breaker = new CircuitBreakerOptions { MaxFailures = 3, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) },
        });
        _runtime = ResilienceRuntime.Start(Sys, options);
        _units = new UnitOperations(_runtime);
        AwaitIdle();
    }

    private object Send(string id, string message) =>
        _runtime.Units.Ask<object>(new UnitMessage("session", id, message)).WaitAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();

    [Fact]
    public async Task Route_FirstMessage_CreatesOneInstancePerIdAndRoutesById()
    {
        Assert.Equal("a:1", Send("a", "1"));
        Assert.Equal("b:1", Send("b", "1"));
        Assert.Equal("a:2", Send("a", "2"));
        _starts.ExpectMsgAllOf("started:a", "started:b");
        _starts.ExpectNoMsg();

        var list = (await _units.List("session"))!;
        Assert.Equal(["a", "b"], list.Instances.Select(i => i.Id));
        Assert.All(list.Instances, i => Assert.Equal(UnitState.Running, i.State));

        var a = (await _units.Get("session", "a"))!;
        Assert.Equal(UnitState.Running, a.State);
        Assert.Equal(CircuitBreakerState.Closed, a.Breaker);
        Assert.Null(await _units.Get("session", "zzz"));
        Assert.Null(await _units.List("nope"));
        Assert.IsType<UnknownUnitKind>(await _runtime.Units.Ask<object>(new UnitMessage("nope", "x", "m")));

        Sys.ActorSelection("/user/units/session/a/breaker").Tell(new Identify(1), TestActor);
        Assert.NotNull(ExpectMsg<ActorIdentity>().Subject);
    }

    [Fact]
    public async Task Passivate_IdleInstance_StopsAndTheNextMessageCreatesItAnew()
    {
        Assert.Equal("a:1", Send("a", "1"));
        _starts.ExpectMsg("started:a");
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("b:1", Send("b", "1"));
        _starts.ExpectMsg("started:b");

        Advance(TimeSpan.FromSeconds(30)); // a idle for 60 s, b for 30 s
        Assert.Equal(["b"], (await _units.List("session"))!.Instances.Select(i => i.Id));

        Assert.Equal("a:2", Send("a", "2"));
        _starts.ExpectMsg("started:a");
        var health = await _runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance);
        Assert.Equal(UnitState.Running, health.Instances.Single(i => i.Id == "a").State);
    }

    [Fact]
    public async Task WorkerFailure_RestartsAfterBackoff_BufferedMessagesDeliveredInOrder()
    {
        var retries = CreateTestProbe();
        Sys.EventStream.Subscribe<UnitRetryScheduled>(retries.Ref);
        Assert.Equal("a:1", Send("a", "1"));
        _starts.ExpectMsg("started:a");

        _runtime.Units.Tell(new UnitMessage("session", "a", "boom"), TestActor);
        retries.ExpectMsg(new UnitRetryScheduled("session", "a", 1, TimeSpan.FromSeconds(1)));
        Assert.Equal(UnitState.BackingOff, (await _units.Get("session", "a"))!.State);

        _runtime.Units.Tell(new UnitMessage("session", "a", "x"), TestActor);
        _runtime.Units.Tell(new UnitMessage("session", "a", "y"), TestActor);
        ExpectNoMsg();
        Assert.Equal(2, (await _units.Get("session", "a"))!.BufferedMessages);

        Advance(TimeSpan.FromSeconds(1));
        _starts.ExpectMsg("started:a");
        ExpectMsg("a:x");
        ExpectMsg("a:y");
        var info = (await _units.Get("session", "a"))!;
        Assert.Equal(UnitState.Running, info.State);
        Assert.Equal(1, info.Failures);
        Assert.Equal("InvalidOperationException: boom", info.LastFailure);

        // A second failure before the worker was stable for BackoffResetAfter doubles the delay.
        _runtime.Units.Tell(new UnitMessage("session", "a", "boom"), TestActor);
        retries.ExpectMsg(new UnitRetryScheduled("session", "a", 2, TimeSpan.FromSeconds(2)));
        var health = await _runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance);
        var a = health.Instances.Single(i => i.Id == "a");
        Assert.Equal(2, a.RetryAttempts);
        Assert.Equal(UnitState.BackingOff, a.State);
    }

    [Fact]
    public async Task WorkerFailingEveryConnect_OpensBreaker_RepliesCircuitOpen_SiblingKeepsWorking()
    {
        var breakerEvents = CreateTestProbe();
        Sys.EventStream.Subscribe<CircuitBreakerStateChanged>(breakerEvents.Ref);

        _runtime.Units.Tell(new UnitMessage("session", "bad", "hello"), TestActor);
        _starts.ExpectMsg("started:bad");             // failure 1 -> back off 1 s
        Advance(TimeSpan.FromSeconds(1));
        _starts.ExpectMsg("started:bad");             // failure 2 -> back off 2 s
        Advance(TimeSpan.FromSeconds(2));
        _starts.ExpectMsg("started:bad");             // failure 3 -> breaker opens
        var opened = breakerEvents.ExpectMsg<CircuitBreakerStateChanged>();
        Assert.Equal(("session/bad", CircuitBreakerState.Closed, CircuitBreakerState.Open), (opened.Name, opened.From, opened.To));
        Assert.Equal(TimeSpan.FromMinutes(10), opened.RetryAfter);

        var reply = Assert.IsType<CircuitOpen>(Send("bad", "hello again"));
        Assert.Equal(("session", "bad"), (reply.Kind, reply.Id));
        Assert.Equal(TimeSpan.FromMinutes(10), reply.RetryAfter);
        Assert.Equal("good:hi", Send("good", "hi"));
        _starts.ExpectMsg("started:good");

        Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TimeSpan.FromMinutes(6), Assert.IsType<CircuitOpen>(Send("bad", "still?")).RetryAfter);
        _starts.ExpectNoMsg();

        // The idle sibling was passivated meanwhile; the instance with the open circuit was kept (it is recovering).
        Assert.Equal("good:back", Send("good", "back"));
        _starts.ExpectMsg("started:good");
        var health = await new HealthOperations(_runtime).GetSummary();
        Assert.Equal(1, health.CircuitBreakerActivations);
        Assert.Equal(1, health.ActiveConnections);
        Assert.Equal(2, health.TotalRetryAttempts);
        Assert.Equal(3, health.TotalRecentFailures);
        Assert.Equal("warning", health.Status);

        // After the reset timeout the breaker goes half-open and the worker's start is the probe; it fails again.
        Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(CircuitBreakerState.HalfOpen, breakerEvents.ExpectMsg<CircuitBreakerStateChanged>().To);
        _starts.ExpectMsg("started:bad");
        Assert.Equal(CircuitBreakerState.Open, breakerEvents.ExpectMsg<CircuitBreakerStateChanged>().To);
        Assert.IsType<CircuitOpen>(Send("bad", "again"));

        // A manual reset closes it and starts the worker at once.
        var reset = (await _units.ResetBreaker("session", "bad"))!;
        Assert.Equal(("Open", "Closed"), (reset.Previous, reset.State));
        Assert.Equal(CircuitBreakerState.Closed, breakerEvents.ExpectMsg<CircuitBreakerStateChanged>().To);
        _starts.ExpectMsg("started:bad");
        Assert.Equal("good:fine", Send("good", "fine"));
        Assert.Null(await _units.ResetBreaker("session", "nobody"));
        Assert.Equal(2, (await _units.ResetBreakers("session"))!.Instances);
    }

    [Fact]
    public async Task Stop_Operation_StopsTheInstanceAndTheNextMessageCreatesItAnew()
    {
        Assert.Equal("a:1", Send("a", "1"));
        _starts.ExpectMsg("started:a");
        Assert.True(await _units.Stop("session", "a"));
        AwaitIdle();
        Assert.Empty((await _units.List("session"))!.Instances);
        Assert.False(await _units.Stop("session", "a"));
        Assert.Equal("a:2", Send("a", "2"));
        _starts.ExpectMsg("started:a");
    }
}
