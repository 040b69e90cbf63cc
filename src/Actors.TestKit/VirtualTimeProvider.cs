namespace Actors.TestKit;

/// <summary>
/// A clock that moves only when a test says so. Everything in an actor system reads it: the scheduler, actor timers,
/// receive timeouts, Ask timeouts, supervision retry windows and coordinated-shutdown phase timeouts.
/// Timers fire in due order, on the thread that advances the clock.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly SortedSet<VirtualTimer> _timers = new(VirtualTimerComparer.Instance);
    private DateTimeOffset _now;
    private long _ticks;
    private long _sequence;

    /// <summary>Creates a clock starting at <paramref name="start"/>.</summary>
    /// <param name="start">The initial time; defaults to 2026-01-01T00:00:00Z.</param>
    public VirtualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How much virtual time has passed since the clock was created.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromTicks(_ticks);
            }
        }
    }

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _ticks;
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due, in order, without waiting between them.</summary>
    /// <param name="by">How far to move.</param>
    public void Advance(TimeSpan by) => AdvanceAsync(by, null).GetAwaiter().GetResult();

    /// <summary>
    /// Moves the clock forward one due timer at a time: sets the clock to the timer's due time, fires it, then awaits
    /// <paramref name="settle"/> (e.g. "the actor system is idle") so work caused by that timer, including new timers
    /// inside the window, happens before the next one fires.
    /// </summary>
    /// <param name="by">How far to move.</param>
    /// <param name="settle">Awaited after each fired timer; may be <see langword="null"/>.</param>
    /// <returns>Completes when the clock has reached its target.</returns>
    public async Task AdvanceAsync(TimeSpan by, Func<Task>? settle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_gate)
        {
            target = _ticks + by.Ticks;
        }

        while (true)
        {
            VirtualTimer? due = null;
            lock (_gate)
            {
                if (_timers.Count > 0 && _timers.Min!.DueTicks <= target)
                {
                    due = _timers.Min;
                    _timers.Remove(due);
                    if (due.DueTicks > _ticks)
                    {
                        _now += TimeSpan.FromTicks(due.DueTicks - _ticks);
                        _ticks = due.DueTicks;
                    }

                    if (due.PeriodTicks > 0)
                    {
                        due.DueTicks += due.PeriodTicks;
                        due.Sequence = ++_sequence;
                        _timers.Add(due);
                    }
                }
                else
                {
                    _now += TimeSpan.FromTicks(target - _ticks);
                    _ticks = target;
                }
            }

            if (due is null)
            {
                break;
            }

            due.Invoke();
            if (settle is not null)
            {
                await settle().ConfigureAwait(false);
            }
        }
    }

    internal void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueTicks = _ticks + Math.Max(0, dueTime.Ticks);
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            timer.Sequence = ++_sequence;
            _timers.Add(timer);
        }
    }

    internal void Remove(VirtualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    internal sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long DueTicks;
        public long PeriodTicks;
        public long Sequence;
        private volatile bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Invoke()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class VirtualTimerComparer : IComparer<VirtualTimer>
    {
        public static readonly VirtualTimerComparer Instance = new();

        public int Compare(VirtualTimer? x, VirtualTimer? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            int byDue = x!.DueTicks.CompareTo(y!.DueTicks);
            return byDue != 0 ? byDue : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
