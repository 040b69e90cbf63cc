namespace Actors;

/// <summary>
/// The base of every actor. Create actors only through <see cref="Props"/> and <c>ActorOf</c>; constructing one
/// directly throws.
/// </summary>
public abstract class ActorBase
{
    private ActorCell? _cell;

    /// <summary>Binds the new instance to the cell that is creating it.</summary>
    /// <exception cref="IllegalActorStateException">The actor was constructed with <c>new</c> outside <c>ActorOf</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Creating ?? throw new IllegalActorStateException(
            $"{GetType().Name} was constructed directly; create actors with ActorOf(Props.Create<{GetType().Name}>()).");
    }

    private ActorCell Cell => _cell ?? ThrowDetached();

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ActorCell ThrowDetached() =>
        throw new IllegalActorStateException($"{GetType().Name} is no longer the running instance of its actor.");

    /// <summary>The actor's context. Use only from the actor's own handlers.</summary>
    protected IActorContext Context => Cell;

    /// <summary>This actor's reference.</summary>
    protected IActorRef Self => Cell.Self;

    /// <summary>The sender of the message being processed; dead letters when it has none.</summary>
    protected IActorRef Sender => Cell.Sender;

    internal void AttachCell(ActorCell cell) => _cell = cell;

    internal void DetachCell() => _cell = null;

    /// <summary>Handles a message; returns false when it does not.</summary>
    /// <param name="message">The message.</param>
    /// <returns>Whether it was handled.</returns>
    protected abstract bool Receive(object message);

    internal bool ReceiveInternal(object message) => Receive(message);

    internal void UnhandledInternal(object message) => Unhandled(message);

    internal SupervisorStrategy? SupervisorStrategyInternal() => SupervisorStrategy();

    /// <summary>
    /// Called for messages no behavior handled. An unhandled <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    /// <param name="message">The message.</param>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException($"{Self.Path} did not handle the Terminated message of {terminated.ActorRef.Path}, which it watched.");
        }

        Cell.System.EventStream.Publish(new UnhandledMessage(message, Cell.CurrentSenderOrNull, Self));
    }

    /// <summary>The strategy this actor applies to its failing children. Called once per incarnation.</summary>
    /// <returns>The strategy; the default restarts on any exception except initialization, kill and death pact failures.</returns>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>Runs after the actor is created and before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after the actor has stopped, when its children have stopped too.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before a restart. By default stops all children and calls <see cref="PostStop"/>.</summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (IActorRef child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the fresh instance after a restart. By default calls <see cref="PreStart"/>.</summary>
    /// <param name="reason">The failure that caused the restart.</param>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Replaces the current behavior (see <see cref="IActorContext.Become"/>).</summary>
    /// <param name="receive">The new behavior.</param>
    protected void Become(Receive receive) => Context.Become(receive);

    /// <summary>Pushes a behavior.</summary>
    /// <param name="receive">The new behavior.</param>
    protected void BecomeStacked(Receive receive) => Context.BecomeStacked(receive);

    /// <summary>Pops a behavior pushed by <see cref="BecomeStacked(Receive)"/>.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    /// <summary>Sets the receive timeout.</summary>
    /// <param name="timeout">The timeout, or <see langword="null"/> to clear it.</param>
    protected void SetReceiveTimeout(TimeSpan? timeout) => Context.SetReceiveTimeout(timeout);

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop() => PostStop();

    internal void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);

    internal ActorCell CellInternal => Cell;
}
