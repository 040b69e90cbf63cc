namespace Actors;

/// <summary>
/// The temporary reference an <c>Ask</c> sends as the sender: the first message it receives completes the task.
/// It is also the state of its timeout timer, so the timer queue keeps both alive until one of them wins.
/// Its path (<c>/temp/$n</c>) is built only if someone reads it: most asks never do.
/// </summary>
internal sealed class AskRef<T> : MinimalActorRef
{
    private static long s_counter;
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IActorRef _target;
    private readonly ActorSystemImpl _system;
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;

    public AskRef(ActorSystemImpl system, IActorRef target)
    {
        _system = system;
        _target = target;
    }

    protected override ActorPath CreatePath() =>
        new ChildActorPath(new RootActorPath(_system.Address) / "temp", "$" + Interlocked.Increment(ref s_counter).ToString(System.Globalization.CultureInfo.InvariantCulture), 0);

    public Task<T> Task => _promise.Task;

    public void Start(TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = time.CreateTimer(static s => ((AskRef<T>)s!).TimedOut(), this, timeout, Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static s => ((AskRef<T>)s!).Cancelled(), this);
        }
    }

    private void TimedOut(TimeSpan? timeout = null)
    {
        if (_promise.TrySetException(new AskTimeoutException($"Ask to {_target.Path} timed out: no answer in time.")))
        {
            Cleanup();
        }
    }

    private void Cancelled()
    {
        if (_promise.TrySetCanceled())
        {
            Cleanup();
        }
    }

    public void Fail(Exception cause)
    {
        if (_promise.TrySetException(cause))
        {
            Cleanup();
        }
    }

    public override bool IsTerminated => _promise.Task.IsCompleted;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        bool done = message switch
        {
            T value => _promise.TrySetResult(value),
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            _ => _promise.TrySetException(new InvalidCastException(
                $"Ask to {_target.Path} expected a reply of type {typeof(T).Name} but received {message.GetType().Name}.")),
        };
        if (done)
        {
            Cleanup();
        }
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _registration.Dispose();
    }
}
