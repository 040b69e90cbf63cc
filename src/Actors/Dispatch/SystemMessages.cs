namespace Actors;

// Logic-free system messages, grouped in one file by purpose (see STYLE.md).

/// <summary>Constructs the actor and runs PreStart.</summary>
internal sealed class Create : SystemMessage
{
}

/// <summary>Restarts the actor because of <see cref="Cause"/>.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Suspends user-message processing (the parent failed).</summary>
internal sealed class Suspend : SystemMessage
{
}

/// <summary>Resumes user-message processing; <see cref="CausedByFailure"/> is set when the supervisor chose Resume.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stops the actor.</summary>
internal sealed class Terminate : SystemMessage
{
}

/// <summary>Asks the watchee to notify the watcher when it stops.</summary>
internal sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

/// <summary>Cancels a <see cref="Watch"/>.</summary>
internal sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

/// <summary>Tells a watcher (or the parent) that an actor has stopped.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>Tells a parent that its child failed.</summary>
internal sealed class Failed(InternalActorRef child, Exception cause, long uid, object? message) : SystemMessage
{
    public InternalActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;

    public object? Message { get; } = message;
}

/// <summary>Runs a continuation of an async handler on the actor's own turn.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;
}

/// <summary>The task of an async handler has completed; user messages may flow again.</summary>
internal sealed class AsyncHandlerCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}
