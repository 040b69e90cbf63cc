namespace Actors.Tests.Pattern;

public sealed class CircuitBreakerStateMachineTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CircuitBreakerStateMachine Sessions() => new(new CircuitBreakerOptions
    {
        MaxFailures = 15,
        Window = TimeSpan.FromMinutes(5),
        ResetTimeout = TimeSpan.FromMinutes(10),
        HalfOpenMaxProbes = 2,
    });

    [Fact]
    public void RecordFailure_FifteenWithinFiveMinutes_ReturnsOpenTransitionWithRetryAfter()
    {
        CircuitBreakerStateMachine machine = Sessions();
        CircuitBreakerTransition? last = null;

        for (int i = 0; i < 15; i++)
        {
            last = machine.RecordFailure(s_t0 + TimeSpan.FromSeconds(i * 10));
        }

        Assert.Equal(new CircuitBreakerTransition(CircuitBreakerState.Closed, CircuitBreakerState.Open, TimeSpan.FromMinutes(10)), last);
        Assert.Equal(s_t0 + TimeSpan.FromSeconds(140) + TimeSpan.FromMinutes(10), machine.OpenUntil);
    }

    [Fact]
    public void TryAcquire_OpenPastResetTimeout_ReportsHalfOpenTransitionAndAdmitsProbe()
    {
        var machine = new CircuitBreakerStateMachine(new CircuitBreakerOptions { MaxFailures = 1, ResetTimeout = TimeSpan.FromSeconds(5) });
        machine.RecordFailure(s_t0);

        CircuitBreakerPermit early = machine.TryAcquire(s_t0 + TimeSpan.FromSeconds(2));
        CircuitBreakerPermit due = machine.TryAcquire(s_t0 + TimeSpan.FromSeconds(5));

        Assert.False(early.IsAllowed);
        Assert.Equal(TimeSpan.FromSeconds(3), early.RetryAfter);
        Assert.True(due.IsAllowed);
        Assert.True(due.IsProbe);
        Assert.Equal(new CircuitBreakerTransition(CircuitBreakerState.Open, CircuitBreakerState.HalfOpen, null), due.Transition);
    }

    [Fact]
    public void RecordOutcome_FromEarlierEpoch_IsIgnored()
    {
        var machine = new CircuitBreakerStateMachine(new CircuitBreakerOptions { MaxFailures = 1 });
        CircuitBreakerPermit old = machine.TryAcquire(s_t0);
        machine.Reset();

        Assert.Null(machine.RecordFailure(s_t0, old.Epoch));
        Assert.Equal(CircuitBreakerState.Closed, machine.State);
    }

    [Fact]
    public void Release_HalfOpenProbe_GivesTheSlotBack()
    {
        var machine = new CircuitBreakerStateMachine(new CircuitBreakerOptions { MaxFailures = 1, ResetTimeout = TimeSpan.FromSeconds(1) });
        machine.RecordFailure(s_t0);
        DateTimeOffset later = s_t0 + TimeSpan.FromSeconds(1);
        CircuitBreakerPermit probe = machine.TryAcquire(later);
        Assert.False(machine.TryAcquire(later).IsAllowed);

        machine.Release(probe.Epoch);

        Assert.True(machine.TryAcquire(later).IsAllowed);
    }
}
