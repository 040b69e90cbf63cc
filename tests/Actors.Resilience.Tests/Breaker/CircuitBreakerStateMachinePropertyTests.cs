using Actors.Resilience.Breaker;
using FsCheck.Xunit;

namespace Actors.Resilience.Tests.Breaker;

/// <summary>Properties of the pure breaker state machine (FsCheck generates the policies and the failure timelines).</summary>
public sealed class CircuitBreakerStateMachinePropertyTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    private static int Between(int value, int min, int max) => min + (int)((uint)value % (uint)(max - min + 1));

    /// <summary>
    /// Window mode: the breaker opens at the first failure that makes <c>MaxFailures</c> failures within the window
    /// (older ones slide out), never before; a model counting failures in (t − window, t] agrees at every step.
    /// </summary>
    [Property(MaxTest = 300)]
    public void RecordFailure_WindowMode_OpensExactlyWhenTheModelCountReachesMaxFailures(int max, int windowSeconds, int[] gaps)
    {
        var options = new CircuitBreakerOptions { MaxFailures = Between(max, 1, 8), Window = TimeSpan.FromSeconds(Between(windowSeconds, 1, 120)) };
        var machine = new CircuitBreakerStateMachine(options);
        var times = new List<DateTimeOffset>();
        DateTimeOffset now = s_t0;
        bool opened = false;
        foreach (int gap in gaps ?? [])
        {
            now += TimeSpan.FromSeconds(Between(gap, 0, 60));
            CircuitBreakerTransition? t = machine.RecordFailure(now);
            if (opened)
            {
                Assert.Null(t); // open: failures are ignored
                continue;
            }

            times.Add(now);
            int inWindow = times.Count(f => f > now - options.Window!.Value);
            bool shouldOpen = inWindow >= options.MaxFailures;
            Assert.Equal(shouldOpen, t is { To: CircuitBreakerState.Open });
            Assert.Equal(shouldOpen ? CircuitBreakerState.Open : CircuitBreakerState.Closed, machine.State);
            if (!shouldOpen)
            {
                Assert.Equal(inWindow, machine.GetFailureCount(now));
            }

            opened = shouldOpen;
        }
    }

    /// <summary>Consecutive mode: opens at the MaxFailures-th failure in a row; any success starts the count again.</summary>
    [Property(MaxTest = 300)]
    public void RecordFailure_ConsecutiveMode_OpensAfterMaxFailuresInARow(int max, bool[] outcomes)
    {
        var machine = new CircuitBreakerStateMachine(new CircuitBreakerOptions { MaxFailures = Between(max, 1, 6) });
        int run = 0;
        foreach (bool failed in outcomes ?? [])
        {
            if (machine.State == CircuitBreakerState.Open)
            {
                break;
            }

            if (failed)
            {
                run++;
                machine.RecordFailure(s_t0);
            }
            else
            {
                run = 0;
                machine.RecordSuccess(s_t0);
            }

            Assert.Equal(run >= machine.Options.MaxFailures ? CircuitBreakerState.Open : CircuitBreakerState.Closed, machine.State);
        }
    }

    /// <summary>
    /// An open breaker always reaches half-open through <c>OnResetTimer</c> with the epoch of its open period, whatever
    /// the clock says; any other epoch is ignored and leaves it open (and the retry-after never goes negative).
    /// </summary>
    [Property(MaxTest = 300)]
    public void OnResetTimer_EpochOfTheOpenPeriod_AlwaysHalfOpens_StaleEpochsIgnored(int max, int resetSeconds, int staleOffset, int clockSkewMs)
    {
        var machine = new CircuitBreakerStateMachine(new CircuitBreakerOptions { MaxFailures = Between(max, 1, 5), ResetTimeout = TimeSpan.FromSeconds(Between(resetSeconds, 1, 600)) });
        while (machine.State != CircuitBreakerState.Open)
        {
            machine.RecordFailure(s_t0);
        }

        long epoch = machine.Epoch;
        DateTimeOffset due = machine.OpenUntil!.Value;
        DateTimeOffset clock = due + TimeSpan.FromMilliseconds(Between(clockSkewMs, -50, 50)); // the timer's view of "due" vs the clock's
        Assert.True(machine.GetRetryAfter(clock) >= TimeSpan.Zero);

        long stale = epoch + (staleOffset == 0 ? 1 : staleOffset);
        Assert.Null(machine.OnResetTimer(stale));
        Assert.Equal((CircuitBreakerState.Open, epoch), (machine.State, machine.Epoch));

        CircuitBreakerTransition? t = machine.OnResetTimer(epoch);
        Assert.Equal(new CircuitBreakerTransition(CircuitBreakerState.Open, CircuitBreakerState.HalfOpen, null), t);
        Assert.True(machine.TryAcquire(clock).IsProbe);
        Assert.Null(machine.OnResetTimer(epoch)); // a second tick of that period changes nothing
        Assert.Equal(CircuitBreakerState.HalfOpen, machine.State);
    }

    /// <summary>Each failed probe multiplies the reset timeout by the backoff factor up to the cap; closing returns it to the start.</summary>
    [Property(MaxTest = 200)]
    public void RecordFailure_FailedProbes_GrowTheResetTimeoutGeometricallyUpToTheCap(int factorTenths, int capMultiple, int probes)
    {
        TimeSpan reset = TimeSpan.FromSeconds(10);
        var options = new CircuitBreakerOptions
        {
            MaxFailures = 1,
            ResetTimeout = reset,
            ExponentialBackoffFactor = Between(factorTenths, 10, 40) / 10.0,
            MaxResetTimeout = reset * Between(capMultiple, 1, 50),
        };
        var machine = new CircuitBreakerStateMachine(options);
        machine.RecordFailure(s_t0);
        long expected = reset.Ticks;
        DateTimeOffset now = s_t0;
        for (int i = 0; i < Between(probes, 0, 10); i++)
        {
            Assert.Equal(TimeSpan.FromTicks(expected), machine.CurrentResetTimeout);
            Assert.False(machine.TryAcquire(machine.OpenUntil!.Value - TimeSpan.FromTicks(1)).IsAllowed); // not a tick early by the clock
            now = machine.OpenUntil!.Value;
            CircuitBreakerPermit probe = machine.TryAcquire(now);
            Assert.True(probe.IsProbe);
            CircuitBreakerTransition? reopened = machine.RecordFailure(now, probe.Epoch);
            expected = (long)Math.Min(expected * options.ExponentialBackoffFactor, options.MaxResetTimeout.Ticks);
            Assert.Equal(TimeSpan.FromTicks(expected), reopened!.Value.RetryAfter);
            Assert.True(machine.CurrentResetTimeout <= options.MaxResetTimeout);
        }

        CircuitBreakerPermit last = machine.TryAcquire(machine.OpenUntil!.Value);
        machine.RecordSuccess(machine.OpenUntil ?? now, last.Epoch);
        Assert.Equal((CircuitBreakerState.Closed, reset), (machine.State, machine.CurrentResetTimeout));
    }

    /// <summary>Outcomes carrying an earlier epoch never change the state.</summary>
    [Property(MaxTest = 200)]
    public void Record_OutcomeOfAnEarlierEpoch_IsIgnored(bool success, int max)
    {
        var machine = new CircuitBreakerStateMachine(new CircuitBreakerOptions { MaxFailures = Between(max, 1, 4) });
        long admitted = machine.TryAcquire(s_t0).Epoch;
        while (machine.State != CircuitBreakerState.Open)
        {
            machine.RecordFailure(s_t0);
        }

        machine.OnResetTimer(machine.Epoch);
        (CircuitBreakerState State, long Epoch) before = (machine.State, machine.Epoch);
        CircuitBreakerTransition? t = success ? machine.RecordSuccess(s_t0, admitted) : machine.RecordFailure(s_t0, admitted);
        Assert.Null(t);
        Assert.Equal(before, (machine.State, machine.Epoch));
    }
}
