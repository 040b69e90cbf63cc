namespace Actors.Resilience.Breaker;

/// <summary>
/// A circuit breaker as an actor, for tell-style use: callers ask for a permit (or just report outcomes), and the
/// actor drives a <see cref="CircuitBreakerStateMachine"/> from its own turn on the system's clock. An open
/// breaker goes half-open by its own timer. Every state change is published on the event stream as
/// <see cref="CircuitBreakerStateChanged"/> and also told to the actor's parent, which is how a unit instance learns
/// that its breaker opened, went half-open or was reset.
/// </summary>
public sealed class CircuitBreakerActor : ReceiveActor, IWithTimers
{
    private static readonly object s_halfOpenKey = "half-open";
    private readonly string _name;
    private readonly CircuitBreakerStateMachine _machine;

    /// <summary>Creates the actor; use <see cref="Props"/>, which validates the options.</summary>
    /// <param name="name">The name carried in its events.</param>
    /// <param name="options">The policy.</param>
    public CircuitBreakerActor(string name, CircuitBreakerOptions options)
    {
        _name = name;
        _machine = new CircuitBreakerStateMachine(options);
        Receive<AcquireBreakerPermit>(_ => Acquire());
        Receive<BreakerSuccess>(s => Report(s.Epoch, success: null));
        Receive<BreakerFailure>(f => Report(f.Epoch, f.Cause));
        Receive<ResetBreaker>(_ =>
        {
            CircuitBreakerState previous = _machine.State;
            Apply(_machine.Reset());
            Sender.Tell(Status(previous));
        });
        Receive<GetBreakerStatus>(_ => Sender.Tell(Status(_machine.State)));
        Receive<HalfOpenTick>(t => Apply(_machine.OnResetTimer(t.Epoch)));
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    /// <summary>Props for a breaker actor.</summary>
    /// <param name="name">The name carried in its events (a unit instance uses <c>kind/id</c>).</param>
    /// <param name="options">The policy; validated here.</param>
    /// <returns>The props.</returns>
    public static Props Props(string name, CircuitBreakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Akka.Actor.Props.Create(() => new CircuitBreakerActor(name, options));
    }

    private void Acquire()
    {
        CircuitBreakerPermit permit = _machine.TryAcquire(Now);
        Apply(permit.Transition);
        Sender.Tell(new BreakerPermit(permit.IsAllowed, permit.IsProbe, permit.Epoch, permit.RetryAfter));
    }

    private void Report(long? epoch, Exception? success)
    {
        CircuitBreakerState previous = _machine.State;
        if (success is null)
        {
            Apply(_machine.RecordSuccess(Now, epoch));
        }
        else if (_machine.Options.Counts(success))
        {
            Apply(_machine.RecordFailure(Now, epoch));
        }
        else if (epoch is { } e)
        {
            _machine.Release(e);
        }

        Sender.Tell(Status(previous));
    }

    private BreakerStatus Status(CircuitBreakerState previous)
    {
        DateTimeOffset now = Now;
        return new BreakerStatus(_name, _machine.State, previous, _machine.GetRetryAfter(now), _machine.GetFailureCount(now), _machine.CurrentResetTimeout);
    }

    private void Apply(CircuitBreakerTransition? transition)
    {
        if (transition is not { } t)
        {
            return;
        }

        if (t.To == CircuitBreakerState.Open)
        {
            // The tick carries the epoch of this open period: when it fires, the breaker goes half-open (see OnResetTimer).
            Timers.StartSingleTimer(s_halfOpenKey, new HalfOpenTick(_machine.Epoch), t.RetryAfter ?? _machine.GetRetryAfter(Now));
        }
        else
        {
            Timers.Cancel(s_halfOpenKey);
        }

        var changed = new CircuitBreakerStateChanged(_name, t.From, t.To, t.RetryAfter);
        Context.Parent.Tell(changed, Self);
        Context.System.EventStream.Publish(changed);
    }

    internal sealed record HalfOpenTick(long Epoch);
}
