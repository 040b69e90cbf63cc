namespace Actors;

/// <summary>How an actor treats its failing children: a decider plus a scope (one child, or all of them).</summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries is null or < 0 ? -1 : maxNrOfRetries.Value;
        WithinTimeRange = withinTimeRange is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan ? w : null;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Most restarts allowed (per window when <see cref="WithinTimeRange"/> is set); -1 means no limit, 0 means never.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window restarts are counted in, or <see langword="null"/> to count over the child's life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether failures are logged (as errors for restart and stop, warnings for resume).</summary>
    public bool LoggingEnabled { get; }

    /// <summary>
    /// The default decider: <see cref="Directive.Stop"/> for <see cref="ActorInitializationException"/>,
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>; <see cref="Directive.Restart"/> otherwise.
    /// </summary>
    /// <param name="cause">The failure.</param>
    /// <returns>The directive.</returns>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one, unlimited restarts, the default decider.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops any failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Applies the decider.</summary>
    /// <param name="cause">The failure.</param>
    /// <returns>The directive.</returns>
    public Directive Decide(Exception cause) => Decider(cause);

    /// <summary>Carries out a restart (or, when <paramref name="restart"/> is false or restarts are used up, a stop).</summary>
    internal abstract void ProcessFailure(ActorCell context, bool restart, InternalActorRef child, Exception cause, ChildRestartStats stats);

    internal static void LogFailure(ActorSystemImpl system, IActorRef child, Exception cause, Directive directive)
    {
        if (directive == Directive.Resume)
        {
            system.PublishWarning(child.Path, typeof(SupervisorStrategy), cause, $"{cause.GetType().Name}: {cause.Message} (resumed)");
        }
        else
        {
            system.PublishError(child.Path, typeof(SupervisorStrategy), cause, $"{cause.GetType().Name}: {cause.Message} ({(directive == Directive.Restart ? "restarting" : "stopping")})");
        }
    }

    private protected bool Permit(ChildRestartStats stats, ActorCell context) =>
        stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, context.System.TimeProvider);
}
