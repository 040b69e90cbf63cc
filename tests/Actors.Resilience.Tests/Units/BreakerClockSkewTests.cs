using Actors.Resilience.Breaker;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>
/// Regression (fixed in d33f693): "an open breaker must always reach half-open when its time comes". Timers and the
/// wall clock drift apart; before the fix the half-open tick re-checked <c>Scheduler.Now &lt; openUntil</c> and dropped
/// itself when it fired a little early by the clock, leaving the breaker (and its instance) open for good, and an
/// instance whose open period had passed by the clock still answered <see cref="CircuitOpen"/> until the tick came.
/// <see cref="SkewedTestScheduler"/> moves the clock a few milliseconds away from the timers, deterministically.
/// </summary>
public sealed class BreakerClockSkewTests(ITestOutputHelper output) : ResilienceTestKit(output, scheduler: SkewedTestScheduler.TypeName), IAsyncLifetime
{
    private static readonly TimeSpan s_reset = TimeSpan.FromMinutes(10);
    private readonly ConnectGate _gate = new(open: false);
    private TestProbe _starts = null!;
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;

    private SkewedTestScheduler Clock => (SkewedTestScheduler)Sys.Scheduler;

    public async Task InitializeAsync()
    {
        _starts = CreateTestProbe("starts");
        _events = SubscribeUnitEvents();
        IActorRef starts = _starts.Ref;
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("feed", id => GatedWorker.Props(id, starts, _gate))
        {
            RandomFactor = 0,
            PassivateAfter = null,
            Breaker = new CircuitBreakerOptions { MaxFailures = 1, ResetTimeout = s_reset },
        });
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The first start fails: the breaker (one failure) opens; the instance answers CircuitOpen.</summary>
    private async Task OpenAsync()
    {
        Send(_runtime, "feed", "BTC", "first", TestActor);
        await _starts.ExpectMsgAsync("started:BTC");
        await ExpectBreakerAsync(_events, "feed/BTC", CircuitBreakerState.Open);
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.CircuitOpen);
        Assert.Equal(s_reset, (await ExpectMsgAsync<CircuitOpen>()).RetryAfter);
    }

    [Fact]
    public void SkewedTestScheduler_ClockOffset_MovesNowButNotTheTimers()
    {
        DateTimeOffset timers = Clock.TimerNow;
        Clock.ClockOffset = TimeSpan.FromMilliseconds(-5);
        Assert.Equal(timers - TimeSpan.FromMilliseconds(5), Sys.Scheduler.Now);
        Assert.Equal(timers - TimeSpan.FromMilliseconds(5), ((ITimeProvider)Sys.Scheduler).Now);
        Assert.Equal(timers, Clock.TimerNow);
    }

    [Fact]
    public async Task HalfOpenTick_FiresEarlyByTheClock_BreakerStillGoesHalfOpenAndTheProbeCloses()
    {
        await OpenAsync();
        _gate.IsOpen = true;

        // The timer fires at its due time while the clock says 5 ms are left.
        Clock.ClockOffset = TimeSpan.FromMilliseconds(-5);
        Advance(s_reset);
        await ExpectBreakerAsync(_events, "feed/BTC", CircuitBreakerState.HalfOpen);
        await _starts.ExpectMsgAsync("started:BTC");             // the probe: the worker's next start
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.Running);
        await ExpectBreakerAsync(_events, "feed/BTC", CircuitBreakerState.Closed); // its readiness is the probe's success

        Send(_runtime, "feed", "BTC", "after", TestActor);
        await ExpectMsgAsync("BTC:after");
    }

    [Fact]
    public async Task HalfOpenTick_FiresEarlyByTheClock_BareBreakerGoesHalfOpen()
    {
        TestProbe events = Subscribe<CircuitBreakerStateChanged>();
        IActorRef breaker = Sys.ActorOf(CircuitBreakerActor.Props("bare", new CircuitBreakerOptions { MaxFailures = 1, ResetTimeout = TimeSpan.FromSeconds(30) }));
        await breaker.Ask<BreakerStatus>(new BreakerFailure(new IOException("refused")), Signal);
        await ExpectBreakerAsync(events, "bare", CircuitBreakerState.Open);

        Clock.ClockOffset = TimeSpan.FromMilliseconds(-5);
        Advance(TimeSpan.FromSeconds(30));
        await ExpectBreakerAsync(events, "bare", CircuitBreakerState.HalfOpen);
        var permit = await breaker.Ask<BreakerPermit>(AcquireBreakerPermit.Instance, Signal);
        Assert.True(permit.IsAllowed && permit.IsProbe);
    }

    [Fact]
    public async Task Deliver_OpenPeriodOverByTheClockBeforeTheTick_StartsTheProbeInsteadOfCircuitOpen()
    {
        await OpenAsync();
        _gate.IsOpen = true;

        // The clock runs 5 ms ahead of the timers: 1 ms before the tick is due, the open period is over by the clock.
        Clock.ClockOffset = TimeSpan.FromMilliseconds(5);
        Advance(s_reset - TimeSpan.FromMilliseconds(1));
        Send(_runtime, "feed", "BTC", "now?", TestActor);
        await ExpectBreakerAsync(_events, "feed/BTC", CircuitBreakerState.HalfOpen);
        await _starts.ExpectMsgAsync("started:BTC");
        Assert.Equal("BTC:now?", await ExpectMsgAsync<string>());   // held, then handed to the probe with its sender
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.Running);
        await ExpectBreakerAsync(_events, "feed/BTC", CircuitBreakerState.Closed);

        // The tick of the old open period fires later and is ignored: no state change, the worker keeps serving.
        Advance(TimeSpan.FromMilliseconds(1));
        Send(_runtime, "feed", "BTC", "still", TestActor);
        await ExpectMsgAsync("BTC:still");
        await _events.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Deliver_OpenPeriodOverByTheClock_ProbeFailsAgain_AnswersCircuitOpenWithTheNewPeriod()
    {
        await OpenAsync();
        Clock.ClockOffset = TimeSpan.FromMilliseconds(5);
        Advance(s_reset - TimeSpan.FromMilliseconds(1));
        Send(_runtime, "feed", "BTC", "now?", TestActor);
        await _starts.ExpectMsgAsync("started:BTC");               // the probe fails: the gate is still closed
        await ExpectBreakerAsync(_events, "feed/BTC", CircuitBreakerState.Open);
        await ExpectStateAsync(_events, _runtime, "feed", "BTC", UnitState.CircuitOpen);
        Assert.Equal(s_reset, (await ExpectMsgAsync<CircuitOpen>()).RetryAfter);
    }
}
