namespace Actors.Resilience.Breaker;

/// <summary>
/// The pure logic of a circuit breaker, with no clock, timer or lock of its own: callers pass the current time to each
/// method and act on the transitions returned. <see cref="CircuitBreakerActor"/> drives it from its own turn (Akka's
/// <c>Akka.Pattern.CircuitBreaker</c> wraps calls and has no tell-style use, no exception predicate and one probe).
/// </summary>
/// <remarks>
/// <para>
/// Threading contract: not thread-safe. One owner at a time (an actor's turn, or a lock) calls it. The
/// <see cref="Random"/> given for jitter is only used from that owner.
/// </para>
/// <para>
/// Epochs: every state entered gets a new epoch number. A call admitted by <see cref="TryAcquire"/> carries the epoch it
/// was admitted in; its outcome is ignored when the breaker has changed state since, so a slow call from before an
/// opening cannot close or reopen a later state. Outcomes reported without an epoch (the breaker's manual
/// <c>Succeed()</c>/<c>Fail()</c>) apply to the current state.
/// </para>
/// </remarks>
public sealed class CircuitBreakerStateMachine
{
    private readonly Random? _random;
    private readonly bool _windowed;
    private Queue<DateTimeOffset>? _failureTimes;
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil;
    private int _probesAdmitted;
    private int _probeSuccesses;

    /// <summary>Creates a closed breaker.</summary>
    /// <param name="options">The policy; validated here.</param>
    /// <param name="random">The source of jitter; <see langword="null"/> uses <see cref="Random.Shared"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CircuitBreakerStateMachine(CircuitBreakerOptions options, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _random = random;
        _windowed = options.Window is not null;
        CurrentResetTimeout = options.ResetTimeout;
    }

    /// <summary>The policy.</summary>
    public CircuitBreakerOptions Options { get; }

    /// <summary>The current state. An open breaker whose reset timeout has passed stays <see cref="CircuitBreakerState.Open"/> here until <see cref="TryEnterHalfOpen"/> or <see cref="TryAcquire"/> moves it.</summary>
    public CircuitBreakerState State { get; private set; }

    /// <summary>The number of the current state; it grows by one at every transition and at <see cref="Reset"/>.</summary>
    public long Epoch { get; private set; }

    /// <summary>
    /// The reset timeout before jitter: of the current open period when open, otherwise of the next one. Starts at
    /// <see cref="CircuitBreakerOptions.ResetTimeout"/>, grows at each failed probe, and returns to it when the breaker closes.
    /// </summary>
    public TimeSpan CurrentResetTimeout { get; private set; }

    /// <summary>When open, the time it may go half-open; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? OpenUntil => State == CircuitBreakerState.Open ? _openUntil : null;

    /// <summary>Failures currently counted toward opening: consecutive ones, or those inside the window ending at <paramref name="now"/>. Zero unless closed.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The count.</returns>
    public int GetFailureCount(DateTimeOffset now)
    {
        if (State != CircuitBreakerState.Closed)
        {
            return 0;
        }

        if (!_windowed)
        {
            return _consecutiveFailures;
        }

        Prune(now);
        return _failureTimes?.Count ?? 0;
    }

    /// <summary>How long until an open breaker admits probes; zero when it is not open or the time has passed.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The remaining time.</returns>
    public TimeSpan GetRetryAfter(DateTimeOffset now) =>
        State == CircuitBreakerState.Open && _openUntil > now ? _openUntil - now : TimeSpan.Zero;

    /// <summary>
    /// Asks to run a call. Closed: allowed. Open: refused with the time left, unless the reset timeout has passed, in
    /// which case the breaker goes half-open first (reported in <see cref="CircuitBreakerPermit.Transition"/>).
    /// Half-open: allowed as a probe while fewer than <see cref="CircuitBreakerOptions.HalfOpenMaxProbes"/> have been
    /// admitted in this half-open period, refused otherwise.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>The permit; report the call's outcome with its <see cref="CircuitBreakerPermit.Epoch"/>.</returns>
    public CircuitBreakerPermit TryAcquire(DateTimeOffset now)
    {
        CircuitBreakerTransition? transition = null;
        switch (State)
        {
            case CircuitBreakerState.Closed:
                return new CircuitBreakerPermit(true, false, Epoch, TimeSpan.Zero, null);
            case CircuitBreakerState.Open:
                transition = TryEnterHalfOpen(now);
                if (transition is null)
                {
                    return new CircuitBreakerPermit(false, false, Epoch, _openUntil - now, null);
                }

                break;
        }

        if (_probesAdmitted < Options.HalfOpenMaxProbes)
        {
            _probesAdmitted++;
            return new CircuitBreakerPermit(true, true, Epoch, TimeSpan.Zero, transition);
        }

        return new CircuitBreakerPermit(false, false, Epoch, TimeSpan.Zero, transition);
    }

    /// <summary>Moves an open breaker whose reset timeout has passed to half-open (what a reset timer calls).</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The transition, or <see langword="null"/> when not open or not yet due.</returns>
    public CircuitBreakerTransition? TryEnterHalfOpen(DateTimeOffset now)
    {
        if (State != CircuitBreakerState.Open || now < _openUntil)
        {
            return null;
        }

        _probesAdmitted = 0;
        _probeSuccesses = 0;
        return Enter(CircuitBreakerState.HalfOpen, null);
    }

    /// <summary>
    /// The reset timer armed when the breaker opened has fired: an open breaker of the same <paramref name="epoch"/>
    /// goes half-open whatever the clock says. The timer is the authority; a timer that fires a little before
    /// <see cref="OpenUntil"/> by the wall clock (timers and clocks drift apart) must not leave the breaker open for good.
    /// </summary>
    /// <param name="epoch">The <see cref="Epoch"/> the breaker had when it opened.</param>
    /// <returns>The transition, or <see langword="null"/> when the breaker is no longer in that open period.</returns>
    public CircuitBreakerTransition? OnResetTimer(long epoch)
    {
        if (State != CircuitBreakerState.Open || epoch != Epoch)
        {
            return null;
        }

        _probesAdmitted = 0;
        _probeSuccesses = 0;
        return Enter(CircuitBreakerState.HalfOpen, null);
    }

    /// <summary>
    /// Reports a successful call. Closed: clears the consecutive count (window mode keeps its failures). Half-open:
    /// counts a successful probe and closes once <see cref="CircuitBreakerOptions.HalfOpenMaxProbes"/> have
    /// succeeded. Open: ignored.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="epoch">The permit's epoch, or <see langword="null"/> for an outcome that applies to the current state.</param>
    /// <returns>The transition, if any.</returns>
    public CircuitBreakerTransition? RecordSuccess(DateTimeOffset now, long? epoch = null)
    {
        if (epoch is { } e && e != Epoch)
        {
            return null;
        }

        switch (State)
        {
            case CircuitBreakerState.Closed:
                _consecutiveFailures = 0;
                return null;
            case CircuitBreakerState.HalfOpen:
                if (++_probeSuccesses >= Options.HalfOpenMaxProbes)
                {
                    CurrentResetTimeout = Options.ResetTimeout;
                    ClearFailures();
                    return Enter(CircuitBreakerState.Closed, null);
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Reports a failed call (one that counts: apply <see cref="CircuitBreakerOptions.Counts"/> first). Closed: counts
    /// it and opens at <see cref="CircuitBreakerOptions.MaxFailures"/>. Half-open: reopens with the reset timeout
    /// multiplied by <see cref="CircuitBreakerOptions.ExponentialBackoffFactor"/> (capped). Open: ignored.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="epoch">The permit's epoch, or <see langword="null"/> for an outcome that applies to the current state.</param>
    /// <returns>The transition, if any.</returns>
    public CircuitBreakerTransition? RecordFailure(DateTimeOffset now, long? epoch = null)
    {
        if (epoch is { } e && e != Epoch)
        {
            return null;
        }

        switch (State)
        {
            case CircuitBreakerState.Closed:
                int count;
                if (!_windowed)
                {
                    count = ++_consecutiveFailures;
                }
                else
                {
                    _failureTimes ??= new Queue<DateTimeOffset>();
                    _failureTimes.Enqueue(now);
                    Prune(now);
                    count = _failureTimes.Count;
                }

                return count >= Options.MaxFailures ? Open(now) : null;
            case CircuitBreakerState.HalfOpen:
                double grown = Math.Min(CurrentResetTimeout.Ticks * Options.ExponentialBackoffFactor, Options.MaxResetTimeout.Ticks);
                CurrentResetTimeout = TimeSpan.FromTicks((long)grown);
                return Open(now);
            default:
                return null;
        }
    }

    /// <summary>
    /// Reports a call that ended with neither success nor failure (an exception the filter ignores, or a caller's own
    /// cancellation): a half-open probe slot of the same epoch is given back; nothing else changes.
    /// </summary>
    /// <param name="epoch">The permit's epoch.</param>
    public void Release(long epoch)
    {
        if (epoch == Epoch && State == CircuitBreakerState.HalfOpen && _probesAdmitted > 0)
        {
            _probesAdmitted--;
        }
    }

    /// <summary>Closes the breaker by hand: clears the failures and returns the reset timeout to its initial value.</summary>
    /// <returns>The transition, or <see langword="null"/> when it was already closed.</returns>
    public CircuitBreakerTransition? Reset()
    {
        ClearFailures();
        CurrentResetTimeout = Options.ResetTimeout;
        if (State == CircuitBreakerState.Closed)
        {
            Epoch++;
            return null;
        }

        return Enter(CircuitBreakerState.Closed, null);
    }

    private CircuitBreakerTransition Open(DateTimeOffset now)
    {
        ClearFailures();
        double jitter = 1.0 + (NextDouble() * Options.RandomFactor);
        double ticks = Math.Min(CurrentResetTimeout.Ticks * jitter, TimeSpan.MaxValue.Ticks / 2.0);
        TimeSpan duration = TimeSpan.FromTicks((long)ticks);
        _openUntil = duration > DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + duration;
        return Enter(CircuitBreakerState.Open, duration);
    }

    private CircuitBreakerTransition Enter(CircuitBreakerState to, TimeSpan? retryAfter)
    {
        CircuitBreakerState from = State;
        State = to;
        Epoch++;
        return new CircuitBreakerTransition(from, to, retryAfter);
    }

    private void ClearFailures()
    {
        _consecutiveFailures = 0;
        _failureTimes?.Clear();
    }

    private void Prune(DateTimeOffset now)
    {
        DateTimeOffset horizon = now - Options.Window!.Value;
        while (_failureTimes is { Count: > 0 } && _failureTimes.Peek() <= horizon)
        {
            _failureTimes.Dequeue();
        }
    }

    private double NextDouble()
    {
        if (Options.RandomFactor == 0.0)
        {
            return 0.0;
        }

        return (_random ?? Random.Shared).NextDouble();
    }
}
