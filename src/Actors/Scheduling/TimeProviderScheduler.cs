namespace Actors;

/// <summary>
/// The scheduler on a <see cref="TimeProvider"/>: each entry is one provider timer. The entry is the timer's state,
/// so the timer queue keeps it (and the timer) alive until it fires or is cancelled.
/// </summary>
internal sealed class TimeProviderScheduler(TimeProvider time, ActorSystemImpl system) : IScheduler
{
    private volatile bool _shutdown;

    public DateTimeOffset Now => time.GetUtcNow();

    public void Shutdown() => _shutdown = true;

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender, ICancelable? cancelable = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        Schedule(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender), cancelable);
    }

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender, ICancelable? cancelable = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Schedule(initialDelay, interval, () => receiver.Tell(message, sender), cancelable);
    }

    public void ScheduleOnce(TimeSpan delay, Action action, ICancelable? cancelable = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        Schedule(delay, Timeout.InfiniteTimeSpan, action, cancelable);
    }

    public void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable? cancelable = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Schedule(initialDelay, interval, action, cancelable);
    }

    private void Schedule(TimeSpan delay, TimeSpan period, Action action, ICancelable? cancelable)
    {
        if (_shutdown || cancelable?.IsCancellationRequested == true)
        {
            return;
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        var entry = new Entry(this, action, cancelable, period == Timeout.InfiniteTimeSpan);
        entry.Timer = time.CreateTimer(static s => ((Entry)s!).Fire(), entry, delay, period);
        if (cancelable is not null)
        {
            entry.Registration = cancelable.Token.Register(static s => ((Entry)s!).Dispose(), entry);
        }
    }

    private sealed class Entry(TimeProviderScheduler owner, Action action, ICancelable? cancelable, bool once)
    {
        public ITimer? Timer;
        public CancellationTokenRegistration Registration;

        public void Fire()
        {
            if (owner._shutdown || cancelable?.IsCancellationRequested == true)
            {
                Dispose();
                return;
            }

            try
            {
                action();
            }
            catch (Exception e)
            {
                owner.PublishFailure(e);
            }

            if (once)
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            Timer?.Dispose();
            Registration.Dispose();
        }
    }

    private void PublishFailure(Exception e) =>
        system.PublishError(new RootActorPath(system.Address) / "scheduler", typeof(IScheduler), e, "A scheduled action threw");
}
