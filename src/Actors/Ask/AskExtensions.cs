namespace Actors;

/// <summary>Request-response over messages.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns the first reply: the task completes with a
    /// reply of type <typeparamref name="T"/>, faults with the cause of a <see cref="Status.Failure"/> reply, with
    /// <see cref="AskTimeoutException"/> after the timeout (read from the system's clock), or is cancelled.
    /// </summary>
    /// <typeparam name="T">The expected reply type.</typeparam>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait; the system's <c>AskTimeout</c> when <see langword="null"/>; <see cref="Timeout.InfiniteTimeSpan"/> to wait forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply.</returns>
    public static Task<T> Ask<T>(this IActorRef receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        receiver = ActorCell.Unwrap(receiver);
        ActorSystemImpl system = SystemOf(receiver);
        var ask = new AskRef<T>(system, receiver);
        if (receiver is InternalActorRef { IsTerminated: true })
        {
            ask.Fail(new AskTimeoutException($"Ask to {receiver.Path} failed at once: the recipient has terminated."));
            return ask.Task;
        }

        ask.Start(system.TimeProvider, timeout ?? system.Settings.AskTimeout, cancellationToken);
        receiver.Tell(message, ask);
        return ask.Task;
    }

    /// <summary>Like <see cref="Ask{T}(IActorRef, object, TimeSpan?, CancellationToken)"/>, ended by <paramref name="cancellationToken"/> only.</summary>
    /// <typeparam name="T">The expected reply type.</typeparam>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The request.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply.</returns>
    public static Task<T> Ask<T>(this IActorRef receiver, object message, CancellationToken cancellationToken) =>
        Ask<T>(receiver, message, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Asks for a reply of any type.</summary>
    /// <param name="receiver">The target.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The reply.</returns>
    public static Task<object> Ask(this IActorRef receiver, object message, TimeSpan? timeout = null) => Ask<object>(receiver, message, timeout);

    private static ActorSystemImpl SystemOf(IActorRef receiver) => receiver switch
    {
        LocalActorRef local => local.Cell.System,
        _ => ActorCell.Current?.System ?? throw new ArgumentException($"Cannot Ask {receiver.Path}: it does not belong to an actor system in this process.", nameof(receiver)),
    };
}
