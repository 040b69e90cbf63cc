using System.Runtime.ExceptionServices;

namespace Actors;

/// <summary>
/// Protects calls to a resource that may fail or hang: after enough failures the breaker opens and calls fail fast
/// with <see cref="OpenCircuitException"/>; after the reset timeout it goes half-open and lets probe calls through,
/// closing when they succeed and reopening (with a longer timeout, if configured) when one fails.
/// </summary>
/// <remarks>
/// <para>
/// All time is read from the <see cref="IScheduler"/> given (<see cref="IScheduler.Now"/> and its timers), which
/// follows the actor system's <see cref="TimeProvider"/>, so tests run on virtual time.
/// </para>
/// <para>
/// Threading contract: every member is thread-safe. The state lives in a <see cref="CircuitBreakerStateMachine"/>
/// guarded by a small private lock that is never held while user code runs: the protected call and the
/// <see cref="OnOpen"/>/<see cref="OnHalfOpen"/>/<see cref="OnClose"/> listeners run outside it. Listeners run
/// synchronously on the thread that caused the transition (a caller, or a scheduler timer), in registration order;
/// they should be quick and must not throw. One that throws does not affect the call: its exception is rethrown
/// from a scheduled action, which the actor system's scheduler reports as an error on the event stream.
/// </para>
/// <para>
/// State changes are reported only through the listeners; a breaker actor that owns a state machine publishes
/// <see cref="CircuitBreakerStateChanged"/> instead.
/// </para>
/// </remarks>
public sealed class CircuitBreaker
{
    private readonly Lock _gate = new();
    private readonly IScheduler _scheduler;
    private readonly Random? _random;
    private readonly CircuitBreakerStateMachine _machine;
    private ICancelable? _halfOpenTimer;
    private Action[] _onOpen = [];
    private Action[] _onHalfOpen = [];
    private Action[] _onClose = [];

    /// <summary>Creates a closed breaker counting consecutive failures.</summary>
    /// <param name="scheduler">The clock and timers, normally <c>system.Scheduler</c>.</param>
    /// <param name="maxFailures">Consecutive failures that open the breaker.</param>
    /// <param name="callTimeout">A call running longer counts as a failure.</param>
    /// <param name="resetTimeout">How long it stays open before admitting a probe.</param>
    public CircuitBreaker(IScheduler scheduler, int maxFailures, TimeSpan callTimeout, TimeSpan resetTimeout)
        : this(scheduler, new CircuitBreakerOptions { MaxFailures = maxFailures, CallTimeout = callTimeout, ResetTimeout = resetTimeout })
    {
    }

    /// <summary>Creates a closed breaker whose reset timeout grows by <paramref name="exponentialBackoffFactor"/> at each failed probe, up to <paramref name="maxResetTimeout"/>.</summary>
    /// <param name="scheduler">The clock and timers, normally <c>system.Scheduler</c>.</param>
    /// <param name="maxFailures">Consecutive failures that open the breaker.</param>
    /// <param name="callTimeout">A call running longer counts as a failure.</param>
    /// <param name="resetTimeout">How long it stays open the first time.</param>
    /// <param name="maxResetTimeout">The cap on the growing reset timeout.</param>
    /// <param name="exponentialBackoffFactor">The growth factor (at least 1).</param>
    public CircuitBreaker(IScheduler scheduler, int maxFailures, TimeSpan callTimeout, TimeSpan resetTimeout, TimeSpan maxResetTimeout, double exponentialBackoffFactor)
        : this(scheduler, maxFailures, callTimeout, resetTimeout, maxResetTimeout, exponentialBackoffFactor, 0.0)
    {
    }

    /// <summary>Creates a closed breaker with a growing, jittered reset timeout.</summary>
    /// <param name="scheduler">The clock and timers, normally <c>system.Scheduler</c>.</param>
    /// <param name="maxFailures">Consecutive failures that open the breaker.</param>
    /// <param name="callTimeout">A call running longer counts as a failure.</param>
    /// <param name="resetTimeout">How long it stays open the first time.</param>
    /// <param name="maxResetTimeout">The cap on the growing reset timeout.</param>
    /// <param name="exponentialBackoffFactor">The growth factor (at least 1).</param>
    /// <param name="randomFactor">Jitter in [0, 1]: each open period is multiplied by 1 + r * randomFactor.</param>
    public CircuitBreaker(IScheduler scheduler, int maxFailures, TimeSpan callTimeout, TimeSpan resetTimeout, TimeSpan maxResetTimeout, double exponentialBackoffFactor, double randomFactor)
        : this(scheduler, new CircuitBreakerOptions
        {
            MaxFailures = maxFailures,
            CallTimeout = callTimeout,
            ResetTimeout = resetTimeout,
            MaxResetTimeout = maxResetTimeout,
            ExponentialBackoffFactor = exponentialBackoffFactor,
            RandomFactor = randomFactor,
        })
    {
    }

    /// <summary>Creates a closed breaker from options (sliding window, exception filter, half-open probes and the rest).</summary>
    /// <param name="scheduler">The clock and timers, normally <c>system.Scheduler</c>.</param>
    /// <param name="options">The policy; validated here.</param>
    /// <param name="random">The source of jitter; <see langword="null"/> uses <see cref="Random.Shared"/>. Used only under the breaker's lock.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CircuitBreaker(IScheduler scheduler, CircuitBreakerOptions options, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        _scheduler = scheduler;
        _random = random;
        _machine = new CircuitBreakerStateMachine(options, random);
    }

    /// <summary>The policy.</summary>
    public CircuitBreakerOptions Options => _machine.Options;

    /// <summary>Failures that open the breaker.</summary>
    public int MaxFailures => Options.MaxFailures;

    /// <summary>The call timeout.</summary>
    public TimeSpan CallTimeout => Options.CallTimeout;

    /// <summary>The initial reset timeout.</summary>
    public TimeSpan ResetTimeout => Options.ResetTimeout;

    /// <summary>The cap on the growing reset timeout.</summary>
    public TimeSpan MaxResetTimeout => Options.MaxResetTimeout;

    /// <summary>The growth factor of the reset timeout.</summary>
    public double ExponentialBackoffFactor => Options.ExponentialBackoffFactor;

    /// <summary>The jitter factor of the reset timeout.</summary>
    public double RandomFactor => Options.RandomFactor;

    /// <summary>The current state.</summary>
    public CircuitBreakerState State
    {
        get
        {
            lock (_gate)
            {
                return _machine.State;
            }
        }
    }

    /// <summary>Whether the breaker is open (calls fail fast).</summary>
    public bool IsOpen => State == CircuitBreakerState.Open;

    /// <summary>Whether the breaker is half-open (admitting probes).</summary>
    public bool IsHalfOpen => State == CircuitBreakerState.HalfOpen;

    /// <summary>Whether the breaker is closed.</summary>
    public bool IsClosed => State == CircuitBreakerState.Closed;

    /// <summary>Failures counted toward opening right now (consecutive, or within the window); zero unless closed.</summary>
    public int CurrentFailureCount
    {
        get
        {
            lock (_gate)
            {
                return _machine.GetFailureCount(_scheduler.Now);
            }
        }
    }

    /// <summary>The reset timeout before jitter of the current (when open) or next open period.</summary>
    public TimeSpan CurrentResetTimeout
    {
        get
        {
            lock (_gate)
            {
                return _machine.CurrentResetTimeout;
            }
        }
    }

    /// <summary>Adds a listener run when the breaker opens.</summary>
    /// <param name="callback">The listener.</param>
    /// <returns>This breaker.</returns>
    public CircuitBreaker OnOpen(Action callback) => AddListener(ref _onOpen, callback);

    /// <summary>Adds a listener run when the breaker goes half-open.</summary>
    /// <param name="callback">The listener.</param>
    /// <returns>This breaker.</returns>
    public CircuitBreaker OnHalfOpen(Action callback) => AddListener(ref _onHalfOpen, callback);

    /// <summary>Adds a listener run when the breaker closes.</summary>
    /// <param name="callback">The listener.</param>
    /// <returns>This breaker.</returns>
    public CircuitBreaker OnClose(Action callback) => AddListener(ref _onClose, callback);

    /// <summary>A new, closed breaker like this one whose reset timeout doubles at each failed probe, up to <paramref name="maxResetTimeout"/>. Listeners are not copied.</summary>
    /// <param name="maxResetTimeout">The cap.</param>
    /// <returns>The new breaker.</returns>
    public CircuitBreaker WithExponentialBackoff(TimeSpan maxResetTimeout) =>
        new(_scheduler, Options with { MaxResetTimeout = maxResetTimeout, ExponentialBackoffFactor = 2.0 }, _random);

    /// <summary>A new, closed breaker like this one with jitter <paramref name="randomFactor"/> on its open periods. Listeners are not copied.</summary>
    /// <param name="randomFactor">Jitter in [0, 1].</param>
    /// <returns>The new breaker.</returns>
    public CircuitBreaker WithRandomFactor(double randomFactor) => new(_scheduler, Options with { RandomFactor = randomFactor }, _random);

    /// <summary>A new, closed breaker like this one where only exceptions accepted by <paramref name="filter"/> count as failures. Listeners are not copied.</summary>
    /// <param name="filter">Returns true for exceptions that count.</param>
    /// <returns>The new breaker.</returns>
    public CircuitBreaker WithExceptionFilter(Func<Exception, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(_scheduler, Options with { ExceptionFilter = filter }, _random);
    }

    /// <summary>A new, closed breaker like this one that opens after <see cref="MaxFailures"/> failures within <paramref name="window"/>. Listeners are not copied.</summary>
    /// <param name="window">The sliding window.</param>
    /// <returns>The new breaker.</returns>
    public CircuitBreaker WithSlidingWindow(TimeSpan window) => new(_scheduler, Options with { Window = window }, _random);

    /// <summary>A new, closed breaker like this one that admits <paramref name="probes"/> probe calls when half-open. Listeners are not copied.</summary>
    /// <param name="probes">The number of probes (at least 1).</param>
    /// <returns>The new breaker.</returns>
    public CircuitBreaker WithHalfOpenMaxProbes(int probes) => new(_scheduler, Options with { HalfOpenMaxProbes = probes }, _random);

    /// <summary>
    /// Runs <paramref name="body"/> through the breaker. Fails fast with <see cref="OpenCircuitException"/> when open;
    /// a call that exceeds the call timeout fails with <see cref="TimeoutException"/> at the deadline (the body keeps
    /// running: use the overload taking a <see cref="CancellationToken"/> to have it cancelled).
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="body">The protected call.</param>
    /// <returns>The call's result.</returns>
    public Task<T> WithCircuitBreaker<T>(Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return InvokeAsync(_ => body(), withToken: false, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="body"/> through the breaker (see <see cref="WithCircuitBreaker{T}(Func{Task{T}})"/>).</summary>
    /// <param name="body">The protected call.</param>
    /// <returns>Completes with the call.</returns>
    public Task WithCircuitBreaker(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return InvokeAsync(async _ =>
        {
            await body().ConfigureAwait(false);
            return Done.Instance;
        }, withToken: false, CancellationToken.None);
    }

    /// <summary>
    /// Runs <paramref name="body"/> through the breaker, passing it a token that is cancelled when the call timeout
    /// passes (the call then counts as a failure and fails with <see cref="TimeoutException"/>) or when
    /// <paramref name="cancellationToken"/> is cancelled (an <see cref="OperationCanceledException"/> caused by the
    /// caller's own cancellation counts neither as success nor failure).
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="body">The protected call; it should honor the token.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The call's result.</returns>
    public Task<T> WithCircuitBreaker<T>(Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return InvokeAsync(body, withToken: true, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> through the breaker with a token cancelled on timeout (see <see cref="WithCircuitBreaker{T}(Func{CancellationToken, Task{T}}, CancellationToken)"/>).</summary>
    /// <param name="body">The protected call; it should honor the token.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>Completes with the call.</returns>
    public Task WithCircuitBreaker(Func<CancellationToken, Task> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return InvokeAsync(async ct =>
        {
            await body(ct).ConfigureAwait(false);
            return Done.Instance;
        }, withToken: true, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="body"/> synchronously through the breaker. It cannot be interrupted: when it returns after
    /// the call timeout (measured on the scheduler's clock) it counts as a failure and <see cref="TimeoutException"/>
    /// is thrown instead of the result.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="body">The protected call.</param>
    /// <returns>The call's result.</returns>
    public T WithSyncCircuitBreaker<T>(Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        CircuitBreakerPermit permit = Acquire();
        DateTimeOffset start = _scheduler.Now;
        T result;
        try
        {
            result = body();
        }
        catch (Exception e)
        {
            Complete(permit, e, CancellationToken.None);
            throw;
        }

        TimeSpan took = _scheduler.Now - start;
        if (Options.HasCallTimeout && took > Options.CallTimeout)
        {
            Report(permit, success: false);
            throw new TimeoutException($"The call took {took}, more than the circuit breaker's call timeout of {Options.CallTimeout}.");
        }

        Report(permit, success: true);
        return result;
    }

    /// <summary>Runs <paramref name="body"/> synchronously through the breaker (see <see cref="WithSyncCircuitBreaker{T}(Func{T})"/>).</summary>
    /// <param name="body">The protected call.</param>
    public void WithSyncCircuitBreaker(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        WithSyncCircuitBreaker(() =>
        {
            body();
            return Done.Instance;
        });
    }

    /// <summary>Reports a success made outside the breaker's calls (tell-style use): closed clears the consecutive count, half-open counts a successful probe.</summary>
    public void Succeed() => Apply(m => m.RecordSuccess(_scheduler.Now));

    /// <summary>Reports a failure made outside the breaker's calls (tell-style use): counts toward opening, or reopens a half-open breaker.</summary>
    public void Fail() => Apply(m => m.RecordFailure(_scheduler.Now));

    /// <summary>Closes the breaker by hand, clearing its failures and its grown reset timeout; outcomes of calls admitted before are ignored.</summary>
    public void Reset() => Apply(static m => m.Reset());

    private async Task<T> InvokeAsync<T>(Func<CancellationToken, Task<T>> body, bool withToken, CancellationToken callerToken)
    {
        CircuitBreakerPermit permit = Acquire();
        CancellationTokenSource? cts = withToken ? CancellationTokenSource.CreateLinkedTokenSource(callerToken) : null;
        Task<T> task;
        try
        {
            task = body(cts?.Token ?? CancellationToken.None);
        }
        catch (Exception e)
        {
            cts?.Dispose();
            Complete(permit, e, callerToken);
            throw;
        }

        if (Options.HasCallTimeout && !task.IsCompleted)
        {
            var timedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ICancelable timer = _scheduler.ScheduleOnceCancelable(Options.CallTimeout, () => timedOut.TrySetResult());
            Task winner = await Task.WhenAny(task, timedOut.Task).ConfigureAwait(false);
            timer.Cancel();
            if (winner != task)
            {
                Report(permit, success: false);
                CancelAndForget(task, cts);
                throw new TimeoutException($"The call did not complete within the circuit breaker's call timeout of {Options.CallTimeout}.");
            }
        }

        try
        {
            T result = await task.ConfigureAwait(false);
            Report(permit, success: true);
            return result;
        }
        catch (Exception e)
        {
            Complete(permit, e, callerToken);
            throw;
        }
        finally
        {
            cts?.Dispose();
        }
    }

    /// <summary>Cancels a timed-out call's token and observes its eventual outcome, disposing the token source when it ends.</summary>
    private static void CancelAndForget(Task task, CancellationTokenSource? cts)
    {
        if (cts is not null)
        {
            try
            {
                cts.Cancel();
            }
            catch (AggregateException)
            {
                // A callback registered on the token threw; the call is abandoned either way.
            }
        }

        task.ContinueWith(
            static (t, state) =>
            {
                _ = t.Exception;
                (state as CancellationTokenSource)?.Dispose();
            },
            cts,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private CircuitBreakerPermit Acquire()
    {
        CircuitBreakerPermit permit;
        lock (_gate)
        {
            permit = _machine.TryAcquire(_scheduler.Now);
            OnTransitionLocked(permit.Transition);
        }

        Notify(permit.Transition);
        if (!permit.IsAllowed)
        {
            throw permit.RetryAfter > TimeSpan.Zero
                ? new OpenCircuitException($"The circuit breaker is open; the call failed fast. It admits a probe in {permit.RetryAfter}.", permit.RetryAfter)
                : new OpenCircuitException("The circuit breaker is half-open and all its probe calls are taken; the call failed fast.", TimeSpan.Zero);
        }

        return permit;
    }

    /// <summary>Reports a call that threw: a failure if it counts, otherwise a release.</summary>
    private void Complete(CircuitBreakerPermit permit, Exception e, CancellationToken callerToken)
    {
        bool callerCancelled = e is OperationCanceledException && callerToken.IsCancellationRequested;
        if (callerCancelled || !_machine.Options.Counts(e))
        {
            lock (_gate)
            {
                _machine.Release(permit.Epoch);
            }

            return;
        }

        Report(permit, success: false);
    }

    private void Report(CircuitBreakerPermit permit, bool success)
    {
        long epoch = permit.Epoch;
        if (success)
        {
            Apply(m => m.RecordSuccess(_scheduler.Now, epoch));
        }
        else
        {
            Apply(m => m.RecordFailure(_scheduler.Now, epoch));
        }
    }

    private void Apply(Func<CircuitBreakerStateMachine, CircuitBreakerTransition?> step)
    {
        CircuitBreakerTransition? transition;
        lock (_gate)
        {
            transition = step(_machine);
            OnTransitionLocked(transition);
        }

        Notify(transition);
    }

    /// <summary>Keeps the half-open timer in step with the state. Runs under the lock.</summary>
    private void OnTransitionLocked(CircuitBreakerTransition? transition)
    {
        if (transition is not { } t)
        {
            return;
        }

        _halfOpenTimer?.Cancel();
        _halfOpenTimer = null;
        if (t.To == CircuitBreakerState.Open && t.RetryAfter is { } delay)
        {
            _halfOpenTimer = _scheduler.ScheduleOnceCancelable(delay, AttemptHalfOpen);
        }
    }

    private void AttemptHalfOpen() => Apply(m => m.TryEnterHalfOpen(_scheduler.Now));

    private void Notify(CircuitBreakerTransition? transition)
    {
        if (transition is not { } t)
        {
            return;
        }

        Action[] listeners = t.To switch
        {
            CircuitBreakerState.Open => Volatile.Read(ref _onOpen),
            CircuitBreakerState.HalfOpen => Volatile.Read(ref _onHalfOpen),
            _ => Volatile.Read(ref _onClose),
        };

        foreach (Action listener in listeners)
        {
            try
            {
                listener();
            }
            catch (Exception e)
            {
                ExceptionDispatchInfo captured = ExceptionDispatchInfo.Capture(e);
                _scheduler.ScheduleOnce(TimeSpan.Zero, captured.Throw);
            }
        }
    }

    private CircuitBreaker AddListener(ref Action[] listeners, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            Volatile.Write(ref listeners, [.. listeners, callback]);
        }

        return this;
    }
}
