using System.Threading.Channels;

namespace Actors.TestKit;

/// <summary>
/// The expectation API shared by <see cref="TestKit"/> and <see cref="TestProbe"/>: a queue of the messages its test
/// actor received, and assertions over it. Waiting is on the arrival of messages or on the system becoming idle,
/// bounded by real-time timeouts that only matter when a test fails.
/// </summary>
public abstract class TestKitBase
{
    private readonly Channel<Envelope> _queue = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = true });
    private TimeSpan? _end;

    private protected TestKitBase()
    {
    }

    private protected ChannelWriter<Envelope> Writer => _queue.Writer;

    /// <summary>The actor system under test.</summary>
    public abstract ActorSystem Sys { get; }

    /// <summary>The test actor: messages sent to it are what the Expect methods inspect.</summary>
    public abstract IActorRef TestActor { get; }

    /// <summary>The kit's timeouts.</summary>
    public abstract TestKitSettings TestKitSettings { get; }

    /// <summary>The virtual clock, or <see langword="null"/> when the system runs on real time.</summary>
    public abstract VirtualTimeProvider? Clock { get; }

    /// <summary>The sender of the last message received by an Expect method.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The last message received by an Expect method.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Time left in the innermost <see cref="Within(TimeSpan, Action)"/> block, or the single-expect default.</summary>
    protected TimeSpan RemainingOrDefault(TimeSpan? timeout) =>
        timeout ?? (_end is { } end ? Max(TimeSpan.Zero, end - Now) : TestKitSettings.SingleExpectDefault);

    private TimeSpan Now => Clock?.Elapsed ?? TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Completes when no actor in the system has work queued or running.</summary>
    /// <returns>The wait.</returns>
    public Task AwaitIdleAsync() => ((ActorSystemImpl)Sys).Activity?.WhenIdle() ?? Task.CompletedTask;

    /// <summary>Blocks until no actor in the system has work queued or running.</summary>
    public void AwaitIdle()
    {
        if (!AwaitIdleAsync().Wait(TestKitSettings.DefaultTimeout))
        {
            throw new TestKitException($"The actor system did not become idle within {TestKitSettings.DefaultTimeout}.");
        }
    }

    /// <summary>
    /// Moves the virtual clock forward by <paramref name="by"/>, firing due timers one at a time and letting the
    /// system settle after each, so cascades of timers inside the window behave as with a real clock.
    /// </summary>
    /// <param name="by">How far to move.</param>
    public void Advance(TimeSpan by) => AdvanceAsync(by).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="Advance"/>.</summary>
    /// <param name="by">How far to move.</param>
    /// <returns>Completes when the clock has moved and the system is idle.</returns>
    public async Task AdvanceAsync(TimeSpan by)
    {
        VirtualTimeProvider clock = Clock ?? throw new TestKitException("Advance needs virtual time; this kit runs on real time.");
        await SettleAsync().ConfigureAwait(false);
        await clock.AdvanceAsync(by, SettleAsync).ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
    }

    private async Task SettleAsync()
    {
        Task idle = AwaitIdleAsync();
        if (await Task.WhenAny(idle, Task.Delay(TestKitSettings.DefaultTimeout)).ConfigureAwait(false) != idle)
        {
            throw new TestKitException($"The actor system did not become idle within {TestKitSettings.DefaultTimeout} while advancing virtual time.");
        }
    }

    /// <summary>Receives one message, or <see langword="null"/> when none arrives within <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The wait.</param>
    /// <returns>The envelope.</returns>
    public Envelope? ReceiveOne(TimeSpan? timeout = null)
    {
        TimeSpan wait = RemainingOrDefault(timeout);
        if (_queue.Reader.TryRead(out Envelope e))
        {
            return Record(e);
        }

        using var cts = new CancellationTokenSource(wait);
        try
        {
            while (_queue.Reader.WaitToReadAsync(cts.Token).AsTask().GetAwaiter().GetResult())
            {
                if (_queue.Reader.TryRead(out e))
                {
                    return Record(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

    /// <summary>Async form of <see cref="ReceiveOne"/>.</summary>
    /// <param name="timeout">The wait.</param>
    /// <returns>The envelope, or <see langword="null"/>.</returns>
    public async Task<Envelope?> ReceiveOneAsync(TimeSpan? timeout = null)
    {
        TimeSpan wait = RemainingOrDefault(timeout);
        using var cts = new CancellationTokenSource(wait);
        try
        {
            Envelope e = await _queue.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            return Record(e);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private Envelope Record(Envelope e)
    {
        LastMessage = e.Message;
        LastSender = e.Sender ?? Sys.DeadLetters;
        return e;
    }

    /// <summary>Whether a message is waiting right now.</summary>
    public bool HasMessages => _queue.Reader.TryPeek(out _); // a single-reader channel cannot Count

    /// <summary>Expects a message of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="timeout">The wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(static _ => true, timeout, "any");

    /// <summary>Expects a message of type <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="predicate">The condition.</param>
    /// <param name="timeout">The wait.</param>
    /// <param name="hint">Describes the condition in the failure message.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        TimeSpan wait = RemainingOrDefault(timeout);
        Envelope? e = ReceiveOne(wait);
        if (e is null)
        {
            throw new TestKitException($"Timeout ({wait}) while waiting for a message of type {typeof(T).Name}{(hint is null ? string.Empty : $" ({hint})")}.");
        }

        if (e.Value.Message is not T typed)
        {
            throw new TestKitException($"Expected a message of type {typeof(T).Name} but received {Describe(e.Value.Message)}.");
        }

        if (!predicate(typed))
        {
            throw new TestKitException($"The message {Describe(typed)} did not satisfy the condition{(hint is null ? string.Empty : $" ({hint})")}.");
        }

        return typed;
    }

    /// <summary>Expects a message equal to <paramref name="expected"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="expected">The value.</param>
    /// <param name="timeout">The wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) where T : notnull
    {
        TimeSpan wait = RemainingOrDefault(timeout);
        Envelope? e = ReceiveOne(wait);
        if (e is null)
        {
            throw new TestKitException($"Timeout ({wait}) while waiting for {Describe(expected)}.");
        }

        if (e.Value.Message is not T typed || !EqualityComparer<T>.Default.Equals(typed, expected))
        {
            throw new TestKitException($"Expected {Describe(expected)} but received {Describe(e.Value.Message)}.");
        }

        return typed;
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> and runs <paramref name="assert"/> on it.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="assert">Assertions on the message.</param>
    /// <param name="timeout">The wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(assert);
        T message = ExpectMsg<T>(timeout);
        assert(message);
        return message;
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> from <paramref name="sender"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="timeout">The wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null)
    {
        T message = ExpectMsg<T>(timeout);
        if (!LastSender.Equals(sender))
        {
            throw new TestKitException($"Expected {typeof(T).Name} from {sender.Path} but it came from {LastSender.Path}.");
        }

        return message;
    }

    /// <summary>Expects messages equal to all of <paramref name="expected"/>, in any order.</summary>
    /// <param name="expected">The values.</param>
    /// <returns>The messages received.</returns>
    public IReadOnlyList<object> ExpectMsgAllOf(params object[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var missing = expected.ToList();
        var received = new List<object>();
        TimeSpan wait = RemainingOrDefault(null);
        while (missing.Count > 0)
        {
            Envelope? e = ReceiveOne(wait) ?? throw new TestKitException($"Timeout waiting for {string.Join(", ", missing.Select(Describe))}.");
            int index = missing.FindIndex(m => Equals(m, e.Value.Message));
            if (index < 0)
            {
                throw new TestKitException($"Unexpected {Describe(e.Value.Message)} while waiting for {string.Join(", ", missing.Select(Describe))}.");
            }

            missing.RemoveAt(index);
            received.Add(e.Value.Message);
        }

        return received;
    }

    /// <summary>Expects a message equal to one of <paramref name="expected"/>.</summary>
    /// <param name="expected">The values.</param>
    /// <returns>The message.</returns>
    public object ExpectMsgAnyOf(params object[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Envelope? e = ReceiveOne() ?? throw new TestKitException($"Timeout waiting for any of {string.Join(", ", expected.Select(Describe))}.");
        if (!expected.Any(x => Equals(x, e.Value.Message)))
        {
            throw new TestKitException($"Expected any of {string.Join(", ", expected.Select(Describe))} but received {Describe(e.Value.Message)}.");
        }

        return e.Value.Message;
    }

    /// <summary>
    /// Asserts that no message arrives: waits until the system is idle (so every message in flight has been
    /// delivered), then checks the queue is empty.
    /// </summary>
    public void ExpectNoMsg()
    {
        AwaitIdle();
        if (_queue.Reader.TryRead(out Envelope e))
        {
            Record(e);
            throw new TestKitException($"Expected no message but received {Describe(e.Message)}.");
        }
    }

    /// <summary>
    /// Asserts that no message arrives within <paramref name="duration"/>. On virtual time the clock is advanced by
    /// <paramref name="duration"/> (firing what falls due) and the system awaited idle; on real time it waits.
    /// </summary>
    /// <param name="duration">The quiet period.</param>
    public void ExpectNoMsg(TimeSpan duration)
    {
        if (Clock is not null)
        {
            Advance(duration);
            ExpectNoMsg();
            return;
        }

        Envelope? e = ReceiveOne(duration);
        if (e is not null)
        {
            throw new TestKitException($"Expected no message for {duration} but received {Describe(e.Value.Message)}.");
        }
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/>, which the test actor must watch (see <see cref="Watch"/>).</summary>
    /// <param name="target">The actor.</param>
    /// <param name="timeout">The wait.</param>
    /// <returns>The message.</returns>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout, $"Terminated of {target.Path}");

    /// <summary>
    /// Makes the test actor watch <paramref name="target"/>, and returns once the watch is on its way to the target:
    /// anything the test sends to the target afterwards is processed after the watch (system messages go first), so
    /// <c>Watch(a); a.Tell(PoisonPill.Instance)</c> always yields a <see cref="Terminated"/> with
    /// <c>ExistenceConfirmed = true</c>.
    /// </summary>
    /// <param name="target">The actor.</param>
    /// <returns>The target.</returns>
    public IActorRef Watch(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        SendWatchRequest(new WatchRequest(target, Watch: true));
        return target;
    }

    /// <summary>Makes the test actor stop watching <paramref name="target"/>; returns once the unwatch is sent.</summary>
    /// <param name="target">The actor.</param>
    /// <returns>The target.</returns>
    public IActorRef Unwatch(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        SendWatchRequest(new WatchRequest(target, Watch: false));
        return target;
    }

    private void SendWatchRequest(WatchRequest request)
    {
        TestActor.Tell(request, null);
        if (!request.Done.Task.Wait(TestKitSettings.DefaultTimeout))
        {
            string what = request.Watch ? "watch" : "unwatch";
            throw new TestKitException($"The test actor did not {what} {request.Target.Path} within {TestKitSettings.DefaultTimeout}.");
        }
    }

    /// <summary>Skips messages until one satisfies <paramref name="isTheOne"/>, and returns it.</summary>
    /// <param name="isTheOne">The condition.</param>
    /// <param name="timeout">The overall wait.</param>
    /// <returns>The message.</returns>
    public object FishForMessage(Predicate<object> isTheOne, TimeSpan? timeout = null) => FishForMessage<object>(isTheOne, timeout);

    /// <summary>Skips messages until one of type <typeparamref name="T"/> satisfies <paramref name="isTheOne"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="isTheOne">The condition.</param>
    /// <param name="timeout">The overall wait.</param>
    /// <returns>The message.</returns>
    public T FishForMessage<T>(Predicate<T> isTheOne, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTheOne);
        TimeSpan wait = timeout ?? TestKitSettings.DefaultTimeout;
        TimeSpan deadline = RealClock.Now + wait;
        var skipped = new List<object>();
        while (true)
        {
            TimeSpan left = deadline - RealClock.Now;
            Envelope? e = left > TimeSpan.Zero ? ReceiveOne(left) : null;
            if (e is null)
            {
                throw new TestKitException($"Timeout ({wait}) fishing for a {typeof(T).Name}; skipped: [{string.Join(", ", skipped.Select(Describe))}].");
            }

            if (e.Value.Message is T typed && isTheOne(typed))
            {
                return typed;
            }

            skipped.Add(e.Value.Message);
        }
    }

    /// <summary>
    /// Receives messages while <paramref name="filter"/> maps them to a value, stopping at the first it does not
    /// (left in the queue), at <paramref name="msgs"/> messages, or when nothing arrives within <paramref name="idle"/>.
    /// </summary>
    /// <typeparam name="T">The mapped type.</typeparam>
    /// <param name="filter">Maps a message to a value, or <see langword="null"/> to stop.</param>
    /// <param name="max">The overall wait.</param>
    /// <param name="idle">The wait for each next message.</param>
    /// <param name="msgs">The most messages to take.</param>
    /// <returns>The mapped values.</returns>
    public IReadOnlyList<T> ReceiveWhile<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue) where T : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = new List<T>();
        TimeSpan deadline = RealClock.Now + (max ?? TestKitSettings.DefaultTimeout);
        while (result.Count < msgs)
        {
            TimeSpan left = deadline - RealClock.Now;
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            if (!_queue.Reader.TryPeek(out Envelope e))
            {
                if (idle is null)
                {
                    AwaitIdle();
                    if (!_queue.Reader.TryPeek(out e))
                    {
                        break;
                    }
                }
                else
                {
                    using var cts = new CancellationTokenSource(idle.Value < left ? idle.Value : left);
                    try
                    {
                        if (!_queue.Reader.WaitToReadAsync(cts.Token).AsTask().GetAwaiter().GetResult() || !_queue.Reader.TryPeek(out e))
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            T? mapped = filter(e.Message);
            if (mapped is null)
            {
                break;
            }

            _queue.Reader.TryRead(out e);
            Record(e);
            result.Add(mapped);
        }

        return result;
    }

    /// <summary>Receives <paramref name="count"/> messages.</summary>
    /// <param name="count">How many.</param>
    /// <param name="timeout">The wait for each.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var list = new List<object>(count);
        for (int i = 0; i < count; i++)
        {
            Envelope? e = ReceiveOne(timeout) ?? throw new TestKitException($"Timeout waiting for message {i + 1} of {count}.");
            list.Add(e.Value.Message);
        }

        return list;
    }

    /// <summary>
    /// Runs <paramref name="action"/>; expectations inside share the deadline <paramref name="max"/>, and the block
    /// must finish within <paramref name="max"/> of the kit's clock (virtual when virtual time is on).
    /// </summary>
    /// <param name="max">The bound.</param>
    /// <param name="action">The block.</param>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Like <see cref="Within(TimeSpan, Action)"/>, also asserting at least <paramref name="min"/> passed.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <param name="action">The block.</param>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        TimeSpan start = Now;
        TimeSpan? previous = _end;
        _end = start + max;
        try
        {
            action();
        }
        finally
        {
            _end = previous;
        }

        TimeSpan took = Now - start;
        if (took > max)
        {
            throw new TestKitException($"The block took {took}, more than the maximum {max}.");
        }

        if (took < min)
        {
            throw new TestKitException($"The block took {took}, less than the minimum {min}.");
        }
    }

    /// <summary>
    /// Retries <paramref name="assertion"/> until it passes: after each failure waits for the system to be idle (and,
    /// if it already was, for <paramref name="interval"/>), up to <paramref name="duration"/>.
    /// </summary>
    /// <param name="assertion">The assertion.</param>
    /// <param name="duration">The overall bound.</param>
    /// <param name="interval">The retry interval when the system is already idle.</param>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        TimeSpan deadline = RealClock.Now + (duration ?? TestKitSettings.DefaultTimeout);
        TimeSpan pause = interval ?? TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (RealClock.Now < deadline)
            {
                AwaitIdle();
                try
                {
                    assertion();
                    return;
                }
                catch (Exception) when (RealClock.Now < deadline)
                {
                    using var cts = new CancellationTokenSource(pause);
                    _queue.Reader.WaitToReadAsync(cts.Token).AsTask().ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
                }
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (see <see cref="AwaitAssert"/>).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="duration">The overall bound.</param>
    /// <param name="message">Describes the condition when it never holds.</param>
    public void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        AwaitAssert(() =>
        {
            if (!condition())
            {
                throw new TestKitException($"Condition not met{(message is null ? string.Empty : $": {message}")}.");
            }
        }, duration);
    }

    /// <summary>A short description of a message for failure texts.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The text.</returns>
    protected static string Describe(object? message) => message switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"{message} ({message.GetType().Name})",
    };
}
