using Actors.Resilience.Breaker;
using Actors.Resilience.Health;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

public sealed class UnitRegionTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private TestProbe _starts = null!;
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;
    private UnitOperations _units = null!;

    public async Task InitializeAsync()
    {
        _starts = CreateTestProbe("starts");
        _events = SubscribeUnitEvents();
        IActorRef starts = _starts.Ref;
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("session", id => FlakyWorker.Props(id, starts, id.StartsWith("bad", StringComparison.Ordinal)))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(4),
            RandomFactor = 0,
            PassivateAfter = TimeSpan.FromMinutes(1),
            Breaker = new CircuitBreakerOptions { MaxFailures = 3, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) },
        });
        _runtime = await StartAsync(options);
        _units = new UnitOperations(_runtime);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<object> SendAsync(string id, string message)
    {
        Send(_runtime, "session", id, message, TestActor);
        return await ExpectMsgAsync<object>(Signal);
    }

    [Fact]
    public async Task Route_FirstMessage_CreatesOneInstancePerIdAndRoutesById()
    {
        Assert.Equal("a:1", await SendAsync("a", "1"));
        Assert.Equal("b:1", await SendAsync("b", "1"));
        Assert.Equal("a:2", await SendAsync("a", "2"));
        await _starts.ExpectMsgAllOfAsync(["started:a", "started:b"]).ToListAsync();
        await _starts.ExpectNoMsgAsync(Quiet);

        var list = (await _units.List("session"))!;
        Assert.Equal(["a", "b"], list.Instances.Select(i => i.Id));
        Assert.All(list.Instances, i => Assert.Equal(UnitState.Running, i.State));

        var a = (await _units.Get("session", "a"))!;
        Assert.Equal(UnitState.Running, a.State);
        Assert.Equal(CircuitBreakerState.Closed, a.Breaker);
        Assert.Null(await _units.Get("session", "zzz"));
        Assert.Null(await _units.List("nope"));
        Assert.IsType<UnknownUnitKind>(await _runtime.Units.Ask<object>(new UnitMessage("nope", "x", "m"), Signal));

        Sys.ActorSelection("/user/units/session/a/breaker").Tell(new Identify(1), TestActor);
        Assert.NotNull((await ExpectMsgAsync<ActorIdentity>()).Subject);
    }

    [Fact]
    public async Task Route_IdNeedingEscapes_IsAValidActorNameAndTheIdIsKept()
    {
        Assert.Equal("user/42 $x:hi", await SendAsync("user/42 $x", "hi"));
        Assert.Equal("$lead:hi", await SendAsync("$lead", "hi"));
        Assert.Equal(["$lead", "user/42 $x"], (await _units.List("session"))!.Instances.Select(i => i.Id));
        Assert.Equal(UnitState.Running, (await _units.Get("session", "user/42 $x"))!.State);
    }

    [Fact]
    public async Task Passivate_IdleInstance_StopsAndTheNextMessageCreatesItAnew()
    {
        Assert.Equal("a:1", await SendAsync("a", "1"));
        await _starts.ExpectMsgAsync("started:a");
        Advance(TimeSpan.FromSeconds(30)); // passivation tick (every 30 s): nothing idle for a minute yet
        Assert.Equal("b:1", await SendAsync("b", "1"));
        await _starts.ExpectMsgAsync("started:b");

        Advance(TimeSpan.FromSeconds(30)); // a idle for 60 s, b for 30 s
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.Stopped);
        Assert.Equal(["b"], (await _units.List("session"))!.Instances.Select(i => i.Id));

        Assert.Equal("a:2", await SendAsync("a", "2"));
        await _starts.ExpectMsgAsync("started:a");
        var health = await _runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, Signal);
        Assert.Equal(UnitState.Running, health.Instances.Single(i => i.Id == "a").State);
    }

    [Fact]
    public async Task WorkerFailure_RestartsAfterBackoff_BufferedMessagesDeliveredInOrder()
    {
        var retries = Subscribe<UnitRetryScheduled>();
        Assert.Equal("a:1", await SendAsync("a", "1"));
        await _starts.ExpectMsgAsync("started:a");

        Send(_runtime, "session", "a", "boom", TestActor);
        await retries.ExpectMsgAsync(new UnitRetryScheduled("session", "a", 1, TimeSpan.FromSeconds(1)));
        Assert.Equal(UnitState.BackingOff, (await _units.Get("session", "a"))!.State);
        Assert.Equal("boom", (await ExpectMsgAsync<UnitWorkerFailed>()).Message); // the message that failed is answered

        Send(_runtime, "session", "a", "x", TestActor);
        Send(_runtime, "session", "a", "y", TestActor);
        Assert.Equal(2, (await _units.Get("session", "a"))!.BufferedMessages);
        await ExpectNoMsgAsync(Quiet);

        Advance(TimeSpan.FromSeconds(1));
        await _starts.ExpectMsgAsync("started:a");
        await ExpectMsgAsync("a:x");
        await ExpectMsgAsync("a:y");
        var info = (await _units.Get("session", "a"))!;
        Assert.Equal(UnitState.Running, info.State);
        Assert.Equal(1, info.Failures);
        Assert.Equal("InvalidOperationException: boom", info.LastFailure);

        // A second failure before the worker was stable for BackoffResetAfter doubles the delay.
        Send(_runtime, "session", "a", "boom", TestActor);
        await retries.ExpectMsgAsync(new UnitRetryScheduled("session", "a", 2, TimeSpan.FromSeconds(2)));
        var health = await _runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, Signal);
        var a = health.Instances.Single(i => i.Id == "a");
        Assert.Equal(2, a.RetryAttempts);
        Assert.Equal(UnitState.BackingOff, a.State);
    }

    [Fact]
    public async Task WorkerStableForResetAfter_RetryCountReturnsToZero()
    {
        var retries = Subscribe<UnitRetryScheduled>();
        Assert.Equal("a:1", await SendAsync("a", "1"));
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.Running); // the first start's, so it is not mistaken for the restart's
        Send(_runtime, "session", "a", "boom", TestActor);
        await retries.ExpectMsgAsync(new UnitRetryScheduled("session", "a", 1, TimeSpan.FromSeconds(1)));
        await InspectAsync(_runtime, "session", "a");
        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.Running);

        Advance(TimeSpan.FromSeconds(30)); // stable for BackoffResetAfter (30 s)
        Assert.Equal(0, (await InspectAsync(_runtime, "session", "a")).RetryAttempt);
        Send(_runtime, "session", "a", "boom", TestActor);
        await retries.ExpectMsgAsync(new UnitRetryScheduled("session", "a", 1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task WorkerFailingEveryConnect_OpensBreaker_RepliesCircuitOpen_SiblingKeepsWorking()
    {
        Send(_runtime, "session", "bad", "hello", TestActor);
        await _starts.ExpectMsgAsync("started:bad");             // failure 1 -> back off 1 s
        await ExpectStateAsync(_events, _runtime, "session", "bad", UnitState.BackingOff);
        Advance(TimeSpan.FromSeconds(1));
        await _starts.ExpectMsgAsync("started:bad");             // failure 2 -> back off 2 s
        await _events.FishForMessageAsync<UnitRetryScheduled>(r => r.Attempt == 2, Signal);
        await InspectAsync(_runtime, "session", "bad");
        Advance(TimeSpan.FromSeconds(2));
        await _starts.ExpectMsgAsync("started:bad");             // failure 3 -> breaker opens
        var opened = await ExpectBreakerAsync(_events, "session/bad", CircuitBreakerState.Open);
        Assert.Equal(CircuitBreakerState.Closed, opened.From);
        Assert.Equal(TimeSpan.FromMinutes(10), opened.RetryAfter);
        await ExpectStateAsync(_events, _runtime, "session", "bad", UnitState.CircuitOpen);

        // The message buffered since the first failure is answered as soon as the circuit opens.
        Assert.Equal(TimeSpan.FromMinutes(10), (await ExpectMsgAsync<CircuitOpen>()).RetryAfter);
        var reply = Assert.IsType<CircuitOpen>(await SendAsync("bad", "hello again"));
        Assert.Equal(("session", "bad"), (reply.Kind, reply.Id));
        Assert.Equal(TimeSpan.FromMinutes(10), reply.RetryAfter);
        Assert.Equal("good:hi", await SendAsync("good", "hi"));
        await _starts.ExpectMsgAsync("started:good");

        Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TimeSpan.FromMinutes(6), Assert.IsType<CircuitOpen>(await SendAsync("bad", "still?")).RetryAfter);
        await _starts.ExpectNoMsgAsync(Quiet);

        // The idle sibling was passivated meanwhile; the instance with the open circuit was kept (it is recovering).
        Assert.Equal("good:back", await SendAsync("good", "back"));
        await _starts.ExpectMsgAsync("started:good");
        var health = await new HealthOperations(_runtime).GetSummary();
        Assert.Equal(1, health.CircuitBreakerActivations);
        Assert.Equal(1, health.ActiveConnections);
        Assert.Equal(2, health.TotalRetryAttempts);
        Assert.Equal(3, health.TotalRecentFailures);
        Assert.Equal("warning", health.Status);
        Assert.False(health.Stale);

        // After the reset timeout the breaker goes half-open and the worker's start is the probe; it fails again.
        Advance(TimeSpan.FromMinutes(6));
        await ExpectBreakerAsync(_events, "session/bad", CircuitBreakerState.HalfOpen);
        await _starts.ExpectMsgAsync("started:bad");
        await ExpectBreakerAsync(_events, "session/bad", CircuitBreakerState.Open);
        await ExpectStateAsync(_events, _runtime, "session", "bad", UnitState.CircuitOpen);
        Assert.IsType<CircuitOpen>(await SendAsync("bad", "again"));

        // A manual reset closes it and starts the worker at once.
        var reset = (await _units.ResetBreaker("session", "bad"))!;
        Assert.Equal(("Open", "Closed"), (reset.Previous, reset.State));
        await ExpectBreakerAsync(_events, "session/bad", CircuitBreakerState.Closed);
        await _starts.ExpectMsgAsync("started:bad");
        Assert.Equal("good:fine", await SendAsync("good", "fine"));
        Assert.Null(await _units.ResetBreaker("session", "nobody"));
        Assert.Equal(2, (await _units.ResetBreakers("session"))!.Instances);
    }

    [Fact]
    public async Task Stop_Operation_StopsTheInstanceAndTheNextMessageCreatesItAnew()
    {
        Assert.Equal("a:1", await SendAsync("a", "1"));
        await _starts.ExpectMsgAsync("started:a");
        Assert.True(await _units.Stop("session", "a"));
        Assert.Empty((await _units.List("session"))!.Instances);
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.Stopped);
        Assert.False(await _units.Stop("session", "a"));
        Assert.Equal("a:2", await SendAsync("a", "2"));
        await _starts.ExpectMsgAsync("started:a");
    }
}
