namespace Actors;

/// <summary>Sends the outcome of a task to an actor.</summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, sends its result (or <paramref name="success"/> of it) to
    /// <paramref name="recipient"/>; a fault sends <see cref="Status.Failure"/> (or <paramref name="failure"/> of it).
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="recipient">Who gets the outcome.</param>
    /// <param name="sender">The sender of that message.</param>
    /// <param name="success">Maps the result to a message.</param>
    /// <param name="failure">Maps the exception to a message.</param>
    /// <returns>A task that completes once the message is sent.</returns>
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null, Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t => recipient.Tell(Outcome(t, success, failure), sender),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>When <paramref name="task"/> completes, sends <see cref="Status.Success"/> or <see cref="Status.Failure"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="recipient">Who gets the outcome.</param>
    /// <param name="sender">The sender of that message.</param>
    /// <returns>A task that completes once the message is sent.</returns>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t => recipient.Tell(t.IsCompletedSuccessfully ? new Status.Success(null) : new Status.Failure(Unwrap(t)), sender),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static object Outcome<T>(Task<T> t, Func<T, object>? success, Func<Exception, object>? failure)
    {
        if (t.IsCompletedSuccessfully)
        {
            return success is null ? (object?)t.Result ?? new Status.Success(null) : success(t.Result);
        }

        Exception cause = Unwrap(t);
        return failure is null ? new Status.Failure(cause) : failure(cause);
    }

    private static Exception Unwrap(Task t) =>
        t.IsCanceled ? new TaskCanceledException(t) : t.Exception!.InnerExceptions.Count == 1 ? t.Exception.InnerException! : t.Exception;
}
