using Actors.Resilience.Breaker;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>What happens to messages while a worker is down: buffered, delivered in order with their senders, answered when they cannot be.</summary>
public sealed class UnitBufferTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime, IDisposable
{
    private readonly ManualResetEventSlim _hold = new(false);
    private readonly ConnectGate _gate = new(open: false);
    private TestProbe _log = null!;
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _log = CreateTestProbe("log");
        _events = SubscribeUnitEvents();
        IActorRef log = _log.Ref;
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("session", id => RecordingWorker.Props(id, log, _hold))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            BufferCapacity = 3,
            Breaker = new CircuitBreakerOptions { MaxFailures = 3, ResetTimeout = TimeSpan.FromMinutes(1) },
        });
        options.Kinds.Add(new UnitKindOptions("feed", id => GatedWorker.Props(id, log, _gate))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = 2, ResetTimeout = TimeSpan.FromMinutes(1) },
        });
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    void IDisposable.Dispose()
    {
        _hold.Set();
        Dispose();
        _hold.Dispose();
    }

    private async Task RunningAsync(string id)
    {
        Send(_runtime, "session", id, "hello", TestActor);
        await ExpectMsgAsync($"{id}:hello");
        await _log.ExpectMsgAsync($"{id}:hello");
    }

    private async Task BackingOffAsync(string id)
    {
        Send(_runtime, "session", id, "boom", TestActor);
        await ExpectStateAsync(_events, _runtime, "session", id, UnitState.BackingOff);
        Assert.Equal(new UnitWorkerFailed("session", id, typeof(InvalidOperationException).FullName!, "boom"), await ExpectMsgAsync<UnitWorkerFailed>());
    }

    [Fact]
    public async Task Deliver_WhileWorkerDown_BufferedThenDeliveredInOrderWithTheirOriginalSenders()
    {
        await RunningAsync("a");
        await BackingOffAsync("a");
        TestProbe first = CreateTestProbe();
        TestProbe second = CreateTestProbe();
        Send(_runtime, "session", "a", "x1", first.Ref);
        Send(_runtime, "session", "a", "y", second.Ref);
        Send(_runtime, "session", "a", "x2", first.Ref);
        Assert.Equal(3, (await InspectAsync(_runtime, "session", "a")).BufferedMessages);
        await first.ExpectNoMsgAsync(Quiet);

        Advance(TimeSpan.FromSeconds(1));
        await _log.ExpectMsgAsync("a:x1");
        await _log.ExpectMsgAsync("a:y");
        await _log.ExpectMsgAsync("a:x2");
        await first.ExpectMsgAsync("a:x1");
        await first.ExpectMsgAsync("a:x2");
        await second.ExpectMsgAsync("a:y");
        Assert.Equal(0, (await InspectAsync(_runtime, "session", "a")).BufferedMessages);
    }

    [Fact]
    public async Task Deliver_BufferFull_AnswersUnitBufferOverflowWithTheMessage()
    {
        await RunningAsync("a");
        await BackingOffAsync("a");
        for (int i = 1; i <= 3; i++)
        {
            Send(_runtime, "session", "a", $"m{i}", TestActor);
        }

        TestProbe late = CreateTestProbe();
        Send(_runtime, "session", "a", "m4", late.Ref);
        Assert.Equal(new UnitBufferOverflow("session", "a", "m4"), await late.ExpectMsgAsync<UnitBufferOverflow>(Signal));

        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["a:m1", "a:m2", "a:m3"], new[] { await ExpectMsgAsync<string>(), await ExpectMsgAsync<string>(), await ExpectMsgAsync<string>() });
        await late.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Crash_MessagesQueuedBehindTheFailingOne_GoToTheNextWorkerInOrder()
    {
        await RunningAsync("a");
        Send(_runtime, "session", "a", "hold", TestActor);
        await _log.ExpectMsgAsync("holding:a");
        Send(_runtime, "session", "a", "q1", TestActor);
        Send(_runtime, "session", "a", "q2", TestActor);
        Assert.Equal(0, (await InspectAsync(_runtime, "session", "a")).BufferedMessages); // both handed to the (busy) worker

        _hold.Set(); // the worker throws with q1, q2 still in its mailbox
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.BackingOff);
        await ExpectMsgAsync<UnitWorkerFailed>(); // the answer to "hold", the message that failed
        Send(_runtime, "session", "a", "q3", TestActor);

        // q1 and q2 wait in the suspended worker's mailbox, q3 in the instance's buffer; all follow the restart in order.
        Assert.Equal(1, (await InspectAsync(_runtime, "session", "a")).BufferedMessages);

        Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("a:q1");
        await ExpectMsgAsync("a:q2");
        await ExpectMsgAsync("a:q3");
    }

    [Fact]
    public async Task WorkerFailsAtStart_MessagesSentToIt_AreAnsweredCircuitOpenWhenTheBreakerOpens()
    {
        Send(_runtime, "feed", "BTC", "hello", TestActor);
        await _log.ExpectMsgAsync("started:BTC");
        // "hello" waits in the suspended worker's mailbox, or in the instance's buffer when the worker's failure reached
        // the instance first (a race between two threads that no signal orders): either way it is answered below.
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.BackingOff);

        Advance(TimeSpan.FromSeconds(1));
        await _log.ExpectMsgAsync("started:BTC");
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.CircuitOpen);
        var open = await ExpectMsgAsync<CircuitOpen>(Signal);
        Assert.Equal(new CircuitOpen("feed", "BTC", TimeSpan.FromMinutes(1)), open);
    }

    [Fact]
    public async Task Deliver_CircuitOpen_AnswersAtOnceWithTheTimeLeft_OtherInstancesKeepServing()
    {
        Send(_runtime, "feed", "BTC", "hello", TestActor);
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.BackingOff);
        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.CircuitOpen);
        await ExpectMsgAsync<CircuitOpen>(Signal);

        Advance(TimeSpan.FromSeconds(20));
        Send(_runtime, "feed", "BTC", "again", TestActor);
        Assert.Equal(TimeSpan.FromSeconds(40), (await ExpectMsgAsync<CircuitOpen>(Signal)).RetryAfter);
        var info = await InspectAsync(_runtime, "feed", "BTC");
        Assert.Equal((CircuitBreakerState.Open, TimeSpan.FromSeconds(40), 0), (info.Breaker, info.RetryAfter, info.BufferedMessages));

        // Another instance of the same kind, and of another kind, serve meanwhile.
        _gate.IsOpen = true;
        Send(_runtime, "feed", "ETH", "hi", TestActor);
        await ExpectMsgAsync("ETH:hi");
        Send(_runtime, "session", "s1", "hi", TestActor);
        await ExpectMsgAsync("s1:hi");
        Send(_runtime, "feed", "BTC", "still", TestActor);
        Assert.Equal(TimeSpan.FromSeconds(40), (await ExpectMsgAsync<CircuitOpen>(Signal)).RetryAfter);
    }

    [Fact]
    public async Task ResetUnitBreaker_OpenCircuit_ClosesAndRestartsTheWorkerAtOnce()
    {
        Send(_runtime, "feed", "BTC", "hello", TestActor);
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.BackingOff);
        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.CircuitOpen);
        await ExpectMsgAsync<CircuitOpen>(Signal);

        _gate.IsOpen = true;
        IActorRef region = (await _runtime.GetRegionAsync("feed"))!;
        BreakerStatus reset = await region.Ask<BreakerStatus>(new ResetUnitBreaker("BTC"), Signal);
        Assert.Equal((CircuitBreakerState.Open, CircuitBreakerState.Closed), (reset.Previous, reset.State));
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.Running); // no clock moved
        var info = await InspectAsync(_runtime, "feed", "BTC");
        Assert.Equal((CircuitBreakerState.Closed, 0), (info.Breaker, info.RetryAttempt));
        Send(_runtime, "feed", "BTC", "back", TestActor);
        await ExpectMsgAsync("BTC:back");
        Assert.IsType<UnitNotFound>(await region.Ask<object>(new ResetUnitBreaker("nobody"), Signal));
    }

    [Fact]
    public async Task ResetUnitBreaker_AsSoonAsItOpened_TheNextMessageWaitsForTheNewWorker_NotCircuitOpen()
    {
        Send(_runtime, "feed", "BTC", "hello", TestActor);
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.BackingOff);
        Advance(TimeSpan.FromSeconds(1));

        // The breaker's own event: the instance may still be retiring the failed worker when the reset comes.
        await ExpectBreakerAsync(_events, "feed/BTC", CircuitBreakerState.Open);
        _gate.IsOpen = true;
        IActorRef region = (await _runtime.GetRegionAsync("feed"))!;
        await region.Ask<BreakerStatus>(new ResetUnitBreaker("BTC"), Signal);
        Send(_runtime, "feed", "BTC", "back", TestActor);

        // "hello" was queued in the failed worker: answered CircuitOpen if the circuit opened first, else served by
        // the new worker. "back" came after the reset's answer: the breaker is closed, so the new worker serves it.
        object first = await ExpectMsgAsync<object>(Signal);
        object second = await ExpectMsgAsync<object>(Signal);
        Assert.Contains("BTC:back", new[] { first, second });
        object other = Equals(first, "BTC:back") ? second : first;
        Assert.True(other is CircuitOpen || Equals(other, "BTC:hello"), $"unexpected {other}");
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ResetBreakers_Operation_ClosesEveryOpenCircuitOfTheKindAndRestartsThem()
    {
        foreach (string id in new[] { "BTC", "ETH" })
        {
            Send(_runtime, "feed", id, "hello", TestActor);
            await ExpectStateAsync(_events, _runtime, "feed", id, UnitState.BackingOff);
        }

        Advance(TimeSpan.FromSeconds(1));
        await ReceiveNAsync(2, Signal).ToListAsync(); // both CircuitOpen answers
        await InspectAsync(_runtime, "feed", "BTC");
        await InspectAsync(_runtime, "feed", "ETH");
        _gate.IsOpen = true;

        var result = await new UnitOperations(_runtime).ResetBreakers("feed");
        Assert.Equal(new BreakersResetResult("feed", 2), result);
        var running = new HashSet<string>();
        while (running.Count < 2)
        {
            running.Add((await _events.FishForMessageAsync<UnitStateChanged>(c => c.State == UnitState.Running, Signal)).Id);
        }

        Assert.Null(await new UnitOperations(_runtime).ResetBreakers("nope"));
    }

    [Fact]
    public async Task Stop_InstanceWithBufferedMessages_HandsThemToItsNextIncarnation()
    {
        await RunningAsync("a");
        await BackingOffAsync("a");
        Send(_runtime, "session", "a", "kept", TestActor);
        Assert.Equal(1, (await InspectAsync(_runtime, "session", "a")).BufferedMessages);

        Assert.True(await new UnitOperations(_runtime).Stop("session", "a"));
        await ExpectMsgAsync("a:kept"); // a fresh instance, created for the message, answered it
        var info = await InspectAsync(_runtime, "session", "a");
        Assert.Equal((UnitState.Running, 0L), (info.State, info.Failures));
    }

    [Fact]
    public async Task WorkerFailsOnAMessageThenAtRestart_TheMessageIsAnsweredOnce()
    {
        _gate.IsOpen = true;
        Send(_runtime, "feed", "BTC", "hello", TestActor);
        await ExpectMsgAsync("BTC:hello");
        _gate.IsOpen = false;
        Send(_runtime, "feed", "BTC", "boom", TestActor);
        Assert.Equal("boom", (await ExpectMsgAsync<UnitWorkerFailed>()).Message);
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.BackingOff);

        // The restart fails in PreStart: a failure that is not about a message, so "boom" is not answered again.
        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.CircuitOpen);
        await ExpectNoMsgAsync(Quiet);
    }
}
