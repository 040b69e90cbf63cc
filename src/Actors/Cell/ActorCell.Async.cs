namespace Actors;

internal sealed partial class ActorCell
{
    /// <summary>
    /// Runs an async handler: continuations come back as system messages, and no user message is processed until
    /// the task completes. A faulted task is a failure of the actor.
    /// </summary>
    internal void RunAsyncHandler(Func<Task> start)
    {
        SynchronizationContext? previous = SynchronizationContext.Current;
        ActorSynchronizationContext context = Extras.SyncContext ??= new ActorSynchronizationContext(this);
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            ThrowIfFaulted(task);
            return;
        }

        _state |= CellState.AwaitingAsync;
        _mailbox.Suspend();
        _system.Activity?.Increment();
        task.ContinueWith(
            static (t, state) => ((ActorCell)state!).SendSystemMessage(new AsyncHandlerCompleted(t)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void ThrowIfFaulted(Task task)
    {
        if (task.IsFaulted)
        {
            Exception e = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
        }

        if (task.IsCanceled)
        {
            throw new TaskCanceledException(task);
        }
    }

    private void RunAsyncContinuation(RunContinuation run)
    {
        if ((_state & CellState.AwaitingAsync) == 0)
        {
            // The handler was abandoned (the actor failed or stopped); drop its continuation.
            return;
        }

        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_extras!.SyncContext);
        try
        {
            run.Callback(run.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void CompleteAsyncHandler(AsyncHandlerCompleted done)
    {
        if ((_state & CellState.AwaitingAsync) == 0)
        {
            return;
        }

        _state &= ~CellState.AwaitingAsync;
        _mailbox.Resume();
        _system.Activity?.Decrement();
        try
        {
            ThrowIfFaulted(done.Task);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }
}
