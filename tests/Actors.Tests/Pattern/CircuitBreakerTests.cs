namespace Actors.Tests.Pattern;

public sealed class CircuitBreakerTests : TestKit.TestKit
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_reset = TimeSpan.FromMinutes(1);

    private CircuitBreaker NewBreaker(int maxFailures = 3) => new(Sys.Scheduler, maxFailures, s_callTimeout, s_reset);

    private static Task<int> Failing() => Task.FromException<int>(new InvalidOperationException("down"));

    private static async Task FailCalls(CircuitBreaker breaker, int count, Func<Exception>? exception = null)
    {
        for (int i = 0; i < count; i++)
        {
            Exception e = exception?.Invoke() ?? new InvalidOperationException("down");
            await Assert.ThrowsAsync(e.GetType(), () => breaker.WithCircuitBreaker(() => Task.FromException<int>(e)));
        }
    }

    [Fact]
    public async Task Closed_ConsecutiveFailures_OpensAtMaxFailures()
    {
        CircuitBreaker breaker = NewBreaker();
        int opened = 0;
        breaker.OnOpen(() => opened++);

        await FailCalls(breaker, 2);
        Assert.True(breaker.IsClosed);
        Assert.Equal(2, breaker.CurrentFailureCount);
        await FailCalls(breaker, 1);

        Assert.True(breaker.IsOpen);
        Assert.Equal(1, opened);
    }

    [Fact]
    public async Task Closed_Success_ResetsConsecutiveCount()
    {
        CircuitBreaker breaker = NewBreaker();
        await FailCalls(breaker, 2);

        Assert.Equal(7, await breaker.WithCircuitBreaker(() => Task.FromResult(7)));

        Assert.Equal(0, breaker.CurrentFailureCount);
        await FailCalls(breaker, 2);
        Assert.True(breaker.IsClosed);
    }

    [Fact]
    public async Task Open_Call_FailsFastWithRemainingDuration()
    {
        CircuitBreaker breaker = NewBreaker();
        await FailCalls(breaker, 3);
        Advance(TimeSpan.FromSeconds(20));
        bool invoked = false;

        var e = await Assert.ThrowsAsync<OpenCircuitException>(() => breaker.WithCircuitBreaker(() =>
        {
            invoked = true;
            return Task.FromResult(1);
        }));

        Assert.False(invoked);
        Assert.Equal(TimeSpan.FromSeconds(40), e.RemainingDuration);
    }

    [Fact]
    public async Task Open_AfterResetTimeout_GoesHalfOpenAndSuccessfulProbeCloses()
    {
        CircuitBreaker breaker = NewBreaker();
        var seen = new List<string>();
        breaker.OnOpen(() => seen.Add("open")).OnHalfOpen(() => seen.Add("half-open")).OnClose(() => seen.Add("closed"));
        await FailCalls(breaker, 3);

        Advance(s_reset - TimeSpan.FromMilliseconds(1));
        Assert.True(breaker.IsOpen);
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(breaker.IsHalfOpen);
        await breaker.WithCircuitBreaker(() => Task.FromResult(1));

        Assert.True(breaker.IsClosed);
        Assert.Equal(new[] { "open", "half-open", "closed" }, seen);
    }

    [Fact]
    public async Task HalfOpen_ProbeFailure_ReopensWithResetTimeoutGrowingToCap()
    {
        var breaker = new CircuitBreaker(Sys.Scheduler, 1, s_callTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 2.0);
        await FailCalls(breaker, 1);
        var observed = new List<TimeSpan>();

        for (int i = 0; i < 5; i++)
        {
            TimeSpan current = breaker.CurrentResetTimeout;
            observed.Add(current);
            Advance(current - TimeSpan.FromMilliseconds(1));
            Assert.True(breaker.IsOpen);
            Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(breaker.IsHalfOpen);
            await FailCalls(breaker, 1);
            Assert.True(breaker.IsOpen);
        }

        Assert.Equal(new[] { 1, 2, 4, 5, 5 }.Select(s => TimeSpan.FromSeconds(s)), observed);
        Advance(TimeSpan.FromSeconds(5));
        await breaker.WithCircuitBreaker(() => Task.FromResult(1));
        Assert.Equal(TimeSpan.FromSeconds(1), breaker.CurrentResetTimeout);
    }

    [Fact]
    public async Task Open_RandomFactor_OpenPeriodWithinJitterBounds()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var options = new CircuitBreakerOptions { MaxFailures = 1, ResetTimeout = TimeSpan.FromSeconds(10), RandomFactor = 0.5 };
            var breaker = new CircuitBreaker(Sys.Scheduler, options, new Random(seed));
            await FailCalls(breaker, 1);

            var e = await Assert.ThrowsAsync<OpenCircuitException>(() => breaker.WithCircuitBreaker(() => Task.FromResult(1)));

            Assert.InRange(e.RemainingDuration, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
        }
    }

    [Fact]
    public async Task HalfOpen_MaxProbes_AdmitsNAndFailsTheNextFast()
    {
        var breaker = new CircuitBreaker(Sys.Scheduler, new CircuitBreakerOptions { MaxFailures = 1, ResetTimeout = s_reset, HalfOpenMaxProbes = 2 });
        await FailCalls(breaker, 1);
        Advance(s_reset);
        var first = new TaskCompletionSource<int>();
        var second = new TaskCompletionSource<int>();

        Task<int> probe1 = breaker.WithCircuitBreaker(() => first.Task);
        Task<int> probe2 = breaker.WithCircuitBreaker(() => second.Task);
        var rejected = await Assert.ThrowsAsync<OpenCircuitException>(() => breaker.WithCircuitBreaker(() => Task.FromResult(3)));

        Assert.Equal(TimeSpan.Zero, rejected.RemainingDuration);
        first.SetResult(1);
        Assert.Equal(1, await probe1);
        Assert.True(breaker.IsHalfOpen);
        second.SetResult(2);
        Assert.Equal(2, await probe2);
        Assert.True(breaker.IsClosed);
    }

    [Fact]
    public async Task SlidingWindow_OldFailuresSlideOut_OpensOnlyWithNWithinWindow()
    {
        CircuitBreaker breaker = NewBreaker(3).WithSlidingWindow(TimeSpan.FromMinutes(1));

        await FailCalls(breaker, 1);
        Advance(TimeSpan.FromSeconds(30));
        await FailCalls(breaker, 1);
        await breaker.WithCircuitBreaker(() => Task.FromResult(1));
        Assert.Equal(2, breaker.CurrentFailureCount);
        Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, breaker.CurrentFailureCount);
        await FailCalls(breaker, 1);
        Assert.True(breaker.IsClosed);
        Advance(TimeSpan.FromSeconds(10));
        await FailCalls(breaker, 1);

        Assert.True(breaker.IsOpen);
    }

    [Fact]
    public async Task ExceptionFilter_IgnoredExceptions_DoNotCount()
    {
        CircuitBreaker breaker = NewBreaker().WithExceptionFilter(e => e is not ArgumentException);

        await FailCalls(breaker, 5, () => new ArgumentException("bad input"));
        Assert.True(breaker.IsClosed);
        Assert.Equal(0, breaker.CurrentFailureCount);
        await FailCalls(breaker, 3);

        Assert.True(breaker.IsOpen);
    }

    [Fact]
    public async Task CallTimeout_Exceeded_CountsAsFailureAndCancelsToken()
    {
        CircuitBreaker breaker = NewBreaker();
        CancellationToken seen = default;
        var never = new TaskCompletionSource<int>();

        Task<int> call = breaker.WithCircuitBreaker(ct =>
        {
            seen = ct;
            return never.Task;
        });
        Advance(s_callTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        Assert.False(seen.IsCancellationRequested);
        Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.True(seen.IsCancellationRequested);
        Assert.Equal(1, breaker.CurrentFailureCount);
    }

    [Fact]
    public async Task CallTimeout_WithoutToken_FailsAtDeadline()
    {
        CircuitBreaker breaker = NewBreaker(1);
        var never = new TaskCompletionSource();

        Task call = breaker.WithCircuitBreaker(() => never.Task);
        Advance(s_callTimeout);

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.True(breaker.IsOpen);
    }

    [Fact]
    public async Task CallerCancellation_DoesNotCount()
    {
        CircuitBreaker breaker = NewBreaker(1);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => breaker.WithCircuitBreaker(ct =>
        {
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(1);
        }, cts.Token));

        Assert.True(breaker.IsClosed);
    }

    [Fact]
    public async Task Reset_WhenOpen_ClosesAndRestoresResetTimeout()
    {
        var breaker = new CircuitBreaker(Sys.Scheduler, 1, s_callTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2.0);
        int closed = 0;
        breaker.OnClose(() => closed++);
        await FailCalls(breaker, 1);
        Advance(TimeSpan.FromSeconds(1));
        await FailCalls(breaker, 1);
        Assert.Equal(TimeSpan.FromSeconds(2), breaker.CurrentResetTimeout);

        breaker.Reset();

        Assert.True(breaker.IsClosed);
        Assert.Equal(1, closed);
        Assert.Equal(TimeSpan.FromSeconds(1), breaker.CurrentResetTimeout);
        Assert.Equal(5, await breaker.WithCircuitBreaker(() => Task.FromResult(5)));
    }

    [Fact]
    public void SucceedAndFail_TellStyle_DriveTheState()
    {
        CircuitBreaker breaker = NewBreaker(2);

        breaker.Fail();
        breaker.Succeed();
        breaker.Fail();
        Assert.True(breaker.IsClosed);
        breaker.Fail();
        Assert.True(breaker.IsOpen);
        Advance(s_reset);
        breaker.Succeed();

        Assert.True(breaker.IsClosed);
    }

    [Fact]
    public void WithSyncCircuitBreaker_ExceptionsAndSlowCalls_CountAsFailures()
    {
        CircuitBreaker breaker = NewBreaker(2);

        Assert.Equal(3, breaker.WithSyncCircuitBreaker(() => 3));
        Assert.Throws<InvalidOperationException>(() => breaker.WithSyncCircuitBreaker(() => throw new InvalidOperationException()));
        Assert.Throws<TimeoutException>(() => breaker.WithSyncCircuitBreaker(() => Clock!.Advance(s_callTimeout + TimeSpan.FromSeconds(1))));

        Assert.True(breaker.IsOpen);
        Assert.Throws<OpenCircuitException>(() => breaker.WithSyncCircuitBreaker(() => 1));
    }

    [Fact]
    public async Task StaleOutcome_CallAdmittedBeforeOpening_IsIgnored()
    {
        var breaker = new CircuitBreaker(Sys.Scheduler, 1, Timeout.InfiniteTimeSpan, s_reset);
        var slow = new TaskCompletionSource<int>();
        Task<int> call = breaker.WithCircuitBreaker(() => slow.Task);
        await FailCalls(breaker, 1);
        Assert.True(breaker.IsOpen);
        Advance(s_reset);
        Assert.True(breaker.IsHalfOpen);

        slow.SetResult(1);
        await call;

        Assert.True(breaker.IsHalfOpen);
    }

    [Fact]
    public async Task Listener_Throws_CallIsUnaffected()
    {
        CircuitBreaker breaker = NewBreaker(1);
        breaker.OnOpen(() => throw new InvalidOperationException("listener"));

        await FailCalls(breaker, 1);

        Assert.True(breaker.IsOpen);
        EventFilter.Exception<InvalidOperationException>(contains: "listener").ExpectOne(() => Advance(TimeSpan.Zero));
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitBreaker(Sys.Scheduler, 0, s_callTimeout, s_reset));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitBreaker(Sys.Scheduler, 1, s_callTimeout, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitBreaker(Sys.Scheduler, 1, s_callTimeout, s_reset, TimeSpan.FromSeconds(1), 2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewBreaker().WithRandomFactor(2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewBreaker().WithHalfOpenMaxProbes(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewBreaker().WithSlidingWindow(TimeSpan.Zero));
    }
}
