namespace Actors;

/// <summary>Applies the directive to the failing child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Most restarts (per window if given); <see langword="null"/> or negative = no limit, 0 = never.</param>
    /// <param name="withinTimeRange">The window, opened at the first restart; <see langword="null"/> counts over the child's life.</param>
    /// <param name="decider">Maps failures to directives.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    /// <param name="decider">Maps failures to directives.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public OneForOneStrategy(Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(null, null, decider, loggingEnabled)
    {
    }

    internal override void ProcessFailure(ActorCell context, bool restart, InternalActorRef child, Exception cause, ChildRestartStats stats)
    {
        if (restart && Permit(stats, context))
        {
            ActorCell.RestartChild(child, cause, suspendFirst: false);
        }
        else
        {
            context.StopChild(child);
        }
    }
}
