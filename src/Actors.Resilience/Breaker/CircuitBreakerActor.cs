namespace Actors.Resilience.Breaker;

/// <summary>
/// A circuit breaker as an actor, for tell-style use: callers ask for a permit (or just report outcomes), and the
/// actor drives a <see cref="CircuitBreakerStateMachine"/> from its own turn on the system's clock. An open
/// breaker goes half-open by its own timer. Every state change is published on the event stream as
/// <see cref="CircuitBreakerStateChanged"/> and also told to the actor's parent, which is how a unit instance learns
/// that its breaker opened, went half-open or was reset.
/// </summary>
public sealed class CircuitBreakerActor : UntypedActor
{
    private readonly string _name;
    private readonly CircuitBreakerStateMachine _machine;
    private ICancelable? _halfOpenTimer;

    /// <summary>Creates the actor; use <see cref="Props"/>, which validates the options.</summary>
    /// <param name="name">The name carried in its events.</param>
    /// <param name="options">The policy.</param>
    public CircuitBreakerActor(string name, CircuitBreakerOptions options)
    {
        _name = name;
        _machine = new CircuitBreakerStateMachine(options);
    }

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

    /// <inheritdoc/>
    protected override void PostStop() => _halfOpenTimer?.Cancel();

    /// <inheritdoc/>
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case AcquireBreakerPermit:
                Acquire();
                break;
            case BreakerSuccess success:
                Report(success.Epoch, failure: null);
                break;
            case BreakerFailure failure:
                Report(failure.Epoch, failure.Cause);
                break;
            case ResetBreaker:
                CircuitBreakerState previous = _machine.State;
                Apply(_machine.Reset());
                if (!Sender.Equals(Context.System.DeadLetters))
                {
                    Sender.Tell(Status(previous)); // a bulk reset sends no reply-to
                }

                break;
            case GetBreakerStatus:
                Sender.Tell(Status(_machine.State));
                break;
            case HalfOpenTick tick:
                Apply(_machine.OnResetTimer(tick.Epoch));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Acquire()
    {
        CircuitBreakerPermit permit = _machine.TryAcquire(Now);
        Apply(permit.Transition);
        Sender.Tell(new BreakerPermit(permit.IsAllowed, permit.IsProbe, permit.Epoch, permit.RetryAfter));
    }

    private void Report(long? epoch, Exception? failure)
    {
        CircuitBreakerState previous = _machine.State;
        if (failure is null)
        {
            Apply(_machine.RecordSuccess(Now, epoch));
        }
        else if (_machine.Options.Counts(failure))
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
            _halfOpenTimer?.Cancel();
            _halfOpenTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(t.RetryAfter ?? _machine.GetRetryAfter(Now), Self, new HalfOpenTick(_machine.Epoch), Self);
        }
        else
        {
            _halfOpenTimer?.Cancel();
            _halfOpenTimer = null;
        }

        var changed = new CircuitBreakerStateChanged(_name, t.From, t.To, t.RetryAfter);
        Context.Parent.Tell(changed, Self);
        Context.System.EventStream.Publish(changed);
    }

    internal sealed record HalfOpenTick(long Epoch);
}
