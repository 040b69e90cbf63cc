namespace Actors;

/// <summary>
/// State most actors never use, kept out of <see cref="ActorCell"/> so an idle actor stays small.
/// Only the cell's own turn touches it.
/// </summary>
internal sealed class CellExtras
{
    public Stack<Receive>? Behaviors;
    public Dictionary<IActorRef, object?>? Watching;
    public Dictionary<IActorRef, object?>? TerminatedQueued;
    public HashSet<InternalActorRef>? WatchedBy;
    public TimeSpan? ReceiveTimeout;
    public ITimer? ReceiveTimeoutTimer;
    public int ReceiveTimeoutGeneration;
    public TimerScheduler? Timers;
    public UnboundedStash? Stash;
    public ActorSynchronizationContext? SyncContext;
    public Exception? PendingRecreateCause;
    public InternalActorRef? Perpetrator;
    public int RestartCount;

    /// <summary>Unstashed messages, processed before the mailbox's queue; see the mailbox's unstashed bit.</summary>
    public Queue<Envelope>? Prepended;

    /// <summary>The message being processed when the actor failed, for PreRestart.</summary>
    public object? FailedMessage;

    /// <summary>This incarnation's strategy for its children, asked for once on the first child failure.</summary>
    public SupervisorStrategy? Strategy;
}
