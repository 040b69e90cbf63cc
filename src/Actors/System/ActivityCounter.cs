namespace Actors;

/// <summary>
/// Counts scheduled mailboxes and pending async handlers, so a test can wait until the system has nothing to do.
/// Only created when the TestKit asks for it; the hot path pays one null check otherwise.
/// </summary>
internal sealed class ActivityCounter
{
    private readonly object _gate = new();
    private long _active;
    private TaskCompletionSource? _idle;

    public long Active => Volatile.Read(ref _active);

    public void Increment() => Interlocked.Increment(ref _active);

    public void Decrement()
    {
        if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _idle) is not null)
        {
            TaskCompletionSource? idle;
            lock (_gate)
            {
                idle = _idle;
                _idle = null;
            }

            idle?.TrySetResult();
        }
    }

    /// <summary>Completes when no mailbox is scheduled or running and no async handler is pending.</summary>
    public Task WhenIdle()
    {
        if (Active == 0)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            TaskCompletionSource idle = _idle;
            if (Active == 0)
            {
                _idle = null;
                return Task.CompletedTask;
            }

            return idle.Task;
        }
    }
}
