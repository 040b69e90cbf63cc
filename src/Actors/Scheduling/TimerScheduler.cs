namespace Actors;

/// <summary>The keyed timers of one actor, on the system's clock. Only the actor's own turn touches it.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, (ITimer Timer, int Generation, bool Repeat)> _timers = new();
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimers => _timers.Keys.ToArray();

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) => Start(key, msg, timeout, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) => StartPeriodicTimer(key, msg, interval, interval);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, msg, initialDelay, interval);
    }

    private void Start(object key, object msg, TimeSpan due, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        int generation = ++_generation;
        var fired = new TimerFired(key, generation, msg);
        LocalActorRef self = cell.Self;
        ITimer timer = cell.System.TimeProvider.CreateTimer(
            static s =>
            {
                var (target, message) = ((LocalActorRef, TimerFired))s!;
                target.Tell(message, null);
            },
            (self, fired),
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            period);
        _timers[key] = (timer, generation, period != Timeout.InfiniteTimeSpan);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>Delivers a fired timer's message if the timer is still current.</summary>
    public void Deliver(TimerFired fired, ActorCell target)
    {
        if (!_timers.TryGetValue(fired.Key, out var entry) || entry.Generation != fired.Generation)
        {
            return;
        }

        if (!entry.Repeat)
        {
            _timers.Remove(fired.Key);
            entry.Timer.Dispose();
        }

        target.ReceiveMessage(fired.Message);
    }
}
