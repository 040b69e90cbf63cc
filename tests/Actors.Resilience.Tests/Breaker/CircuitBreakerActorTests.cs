using Actors.Resilience.Breaker;
using Actors.Resilience.Tests.Support;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Breaker;

/// <summary>
/// The breaker actor on virtual time. It arms its half-open timer before it publishes the change to Open, so a test that
/// has seen the <see cref="CircuitBreakerStateChanged"/> may advance the clock.
/// </summary>
public sealed class CircuitBreakerActorTests(ITestOutputHelper output) : ResilienceTestKit(output)
{
    private static readonly CircuitBreakerOptions s_window = new()
    {
        MaxFailures = 3,
        Window = TimeSpan.FromMinutes(1),
        ResetTimeout = TimeSpan.FromSeconds(30),
        ExponentialBackoffFactor = 2,
        MaxResetTimeout = TimeSpan.FromSeconds(100),
    };

    private (IActorRef Breaker, TestProbe Parent, TestProbe Events) Create(CircuitBreakerOptions options)
    {
        TestProbe events = Subscribe<CircuitBreakerStateChanged>();
        TestProbe parent = CreateTestProbe("parent");
        IActorRef breaker = parent.ChildActorOf(CircuitBreakerActor.Props("test/breaker", options), "breaker");
        return (breaker, parent, events);
    }

    private async Task<BreakerStatus> FailAsync(IActorRef breaker, long? epoch = null) =>
        await breaker.Ask<BreakerStatus>(new BreakerFailure(new IOException("refused"), epoch), Signal);

    [Fact]
    public async Task Props_CreatesAWorkingBreaker_ThatAnswersItsStatus()
    {
        IActorRef breaker = Sys.ActorOf(CircuitBreakerActor.Props("plain", new CircuitBreakerOptions()));
        BreakerStatus status = await breaker.Ask<BreakerStatus>(GetBreakerStatus.Instance, Signal);
        Assert.Equal(("plain", CircuitBreakerState.Closed, TimeSpan.FromMinutes(1)), (status.Name, status.State, status.CurrentResetTimeout));
    }

    [Fact]
    public void Props_InvalidOptions_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CircuitBreakerActor.Props("x", new CircuitBreakerOptions { MaxFailures = 0 }));

    [Fact]
    public async Task RecordFailure_MaxFailuresWithinWindow_OpensAtTheCountAndNotBefore()
    {
        var (breaker, parent, events) = Create(s_window);
        Assert.Equal((CircuitBreakerState.Closed, 1), ((await FailAsync(breaker)).State, (await breaker.Ask<BreakerStatus>(GetBreakerStatus.Instance, Signal)).FailureCount));
        Advance(TimeSpan.FromSeconds(20));
        BreakerStatus second = await FailAsync(breaker);
        Assert.Equal((CircuitBreakerState.Closed, 2), (second.State, second.FailureCount));
        await events.ExpectNoMsgAsync(Quiet);

        Advance(TimeSpan.FromSeconds(20));
        BreakerStatus third = await FailAsync(breaker);
        Assert.Equal((CircuitBreakerState.Closed, CircuitBreakerState.Open), (third.Previous, third.State));
        Assert.Equal(TimeSpan.FromSeconds(30), third.RetryAfter);
        var opened = await events.ExpectMsgAsync<CircuitBreakerStateChanged>(Signal);
        Assert.Equal(new CircuitBreakerStateChanged("test/breaker", CircuitBreakerState.Closed, CircuitBreakerState.Open, TimeSpan.FromSeconds(30)), opened);
        Assert.Equal(opened, await parent.ExpectMsgAsync<CircuitBreakerStateChanged>(Signal)); // the parent is told too
    }

    [Fact]
    public async Task RecordFailure_FailuresOlderThanTheWindow_SlideOut()
    {
        var (breaker, _, events) = Create(s_window);
        await FailAsync(breaker);
        Advance(TimeSpan.FromSeconds(40));
        await FailAsync(breaker);
        Advance(TimeSpan.FromSeconds(20)); // the first failure is exactly a window old: out
        BreakerStatus status = await FailAsync(breaker);
        Assert.Equal((CircuitBreakerState.Closed, 2), (status.State, status.FailureCount));
        await events.ExpectNoMsgAsync(Quiet);

        Advance(TimeSpan.FromSeconds(41)); // only the third is left
        Assert.Equal(1, (await breaker.Ask<BreakerStatus>(GetBreakerStatus.Instance, Signal)).FailureCount);
    }

    [Fact]
    public async Task RecordSuccess_WindowMode_DoesNotClearTheCount_ConsecutiveModeDoes()
    {
        var (window, _, _) = Create(s_window);
        await FailAsync(window);
        await FailAsync(window);
        Assert.Equal(2, (await window.Ask<BreakerStatus>(new BreakerSuccess(), Signal)).FailureCount);
        Assert.Equal(CircuitBreakerState.Open, (await FailAsync(window)).State);

        IActorRef consecutive = Sys.ActorOf(CircuitBreakerActor.Props("c", new CircuitBreakerOptions { MaxFailures = 2 }));
        await FailAsync(consecutive);
        Assert.Equal(0, (await consecutive.Ask<BreakerStatus>(new BreakerSuccess(), Signal)).FailureCount);
        Assert.Equal(CircuitBreakerState.Closed, (await FailAsync(consecutive)).State);
        Assert.Equal(CircuitBreakerState.Open, (await FailAsync(consecutive)).State);
    }

    [Fact]
    public async Task RecordFailure_ExceptionTheFilterRejects_CountsNeitherWay()
    {
        var options = s_window with { ExceptionFilter = e => e is not ArgumentException };
        var (breaker, _, _) = Create(options);
        for (int i = 0; i < 5; i++)
        {
            var status = await breaker.Ask<BreakerStatus>(new BreakerFailure(new ArgumentException("caller's fault")), Signal);
            Assert.Equal((CircuitBreakerState.Closed, 0), (status.State, status.FailureCount));
        }
    }

    [Fact]
    public async Task HalfOpen_AfterTheResetTimeout_ProbeSuccessCloses()
    {
        var (breaker, _, events) = Create(s_window);
        await FailAsync(breaker);
        await FailAsync(breaker);
        await FailAsync(breaker);
        await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.Open);

        Advance(TimeSpan.FromSeconds(29));
        var permit = await breaker.Ask<BreakerPermit>(AcquireBreakerPermit.Instance, Signal);
        Assert.Equal((false, TimeSpan.FromSeconds(1)), (permit.IsAllowed, permit.RetryAfter));

        Advance(TimeSpan.FromSeconds(1));
        var halfOpen = await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.HalfOpen);
        Assert.Equal((CircuitBreakerState.Open, (TimeSpan?)null), (halfOpen.From, halfOpen.RetryAfter));

        var probe = await breaker.Ask<BreakerPermit>(AcquireBreakerPermit.Instance, Signal);
        Assert.True(probe.IsAllowed && probe.IsProbe);
        var refused = await breaker.Ask<BreakerPermit>(AcquireBreakerPermit.Instance, Signal);
        Assert.False(refused.IsAllowed); // one probe at a time

        BreakerStatus closed = await breaker.Ask<BreakerStatus>(new BreakerSuccess(probe.Epoch), Signal);
        Assert.Equal((CircuitBreakerState.HalfOpen, CircuitBreakerState.Closed, 0), (closed.Previous, closed.State, closed.FailureCount));
        await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.Closed);
    }

    [Fact]
    public async Task HalfOpen_ProbeFailure_ReopensWithTheLongerTimeoutCappedByMaxResetTimeout()
    {
        var (breaker, _, events) = Create(s_window);
        await FailAsync(breaker);
        await FailAsync(breaker);
        await FailAsync(breaker);
        await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.Open);

        // 30 s, then 60 s, then 100 s (120 capped), then 100 s again.
        foreach (int seconds in new[] { 60, 100, 100 })
        {
            TimeSpan previous = (await breaker.Ask<BreakerStatus>(GetBreakerStatus.Instance, Signal)).CurrentResetTimeout;
            Advance(previous);
            await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.HalfOpen);
            var probe = await breaker.Ask<BreakerPermit>(AcquireBreakerPermit.Instance, Signal);
            BreakerStatus reopened = await FailAsync(breaker, probe.Epoch);
            Assert.Equal((CircuitBreakerState.HalfOpen, CircuitBreakerState.Open), (reopened.Previous, reopened.State));
            Assert.Equal(TimeSpan.FromSeconds(seconds), reopened.CurrentResetTimeout);
            Assert.Equal(TimeSpan.FromSeconds(seconds), reopened.RetryAfter);
            Assert.Equal(TimeSpan.FromSeconds(seconds), (await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.Open)).RetryAfter);
        }

        // Not a moment early: 99 s after opening it is still open.
        Advance(TimeSpan.FromSeconds(99));
        Assert.False((await breaker.Ask<BreakerPermit>(AcquireBreakerPermit.Instance, Signal)).IsAllowed);
        Advance(TimeSpan.FromSeconds(1));
        await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.HalfOpen);

        // Closing returns the reset timeout to its initial value.
        var last = await breaker.Ask<BreakerPermit>(AcquireBreakerPermit.Instance, Signal);
        Assert.Equal(TimeSpan.FromSeconds(30), (await breaker.Ask<BreakerStatus>(new BreakerSuccess(last.Epoch), Signal)).CurrentResetTimeout);
    }

    [Fact]
    public async Task Outcome_FromAnEarlierEpoch_IsIgnored()
    {
        var (breaker, _, events) = Create(s_window);
        var permit = await breaker.Ask<BreakerPermit>(AcquireBreakerPermit.Instance, Signal);
        await FailAsync(breaker);
        await FailAsync(breaker);
        await FailAsync(breaker);
        await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.Open);

        // A slow call admitted while closed reports success after the opening: the breaker stays open.
        Assert.Equal(CircuitBreakerState.Open, (await breaker.Ask<BreakerStatus>(new BreakerSuccess(permit.Epoch), Signal)).State);
    }

    [Fact]
    public async Task Reset_OpenBreaker_ClosesAndCancelsTheHalfOpenTimer()
    {
        var (breaker, _, events) = Create(s_window);
        await FailAsync(breaker);
        await FailAsync(breaker);
        await FailAsync(breaker);
        await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.Open);

        BreakerStatus reset = await breaker.Ask<BreakerStatus>(ResetBreaker.Instance, Signal);
        Assert.Equal((CircuitBreakerState.Open, CircuitBreakerState.Closed, TimeSpan.Zero), (reset.Previous, reset.State, reset.RetryAfter));
        await ExpectBreakerAsync(events, "test/breaker", CircuitBreakerState.Closed);

        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(CircuitBreakerState.Closed, (await breaker.Ask<BreakerStatus>(GetBreakerStatus.Instance, Signal)).State);
        await events.ExpectNoMsgAsync(Quiet);
    }
}
