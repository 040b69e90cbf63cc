namespace Actors;

/// <summary>Applies the directive to all children when one fails (for children that only work together).</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Most restarts (per window if given); <see langword="null"/> or negative = no limit, 0 = never.</param>
    /// <param name="withinTimeRange">The window, opened at the first restart; <see langword="null"/> counts over each child's life.</param>
    /// <param name="decider">Maps failures to directives.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    /// <param name="decider">Maps failures to directives.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public AllForOneStrategy(Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(null, null, decider, loggingEnabled)
    {
    }

    internal override void ProcessFailure(ActorCell context, bool restart, InternalActorRef child, Exception cause, ChildRestartStats stats)
    {
        List<ChildRestartStats> children = context.AllChildStats();
        bool permitted = restart;
        if (restart)
        {
            foreach (ChildRestartStats s in children)
            {
                permitted &= Permit(s, context);
            }
        }

        foreach (ChildRestartStats s in children)
        {
            if (permitted)
            {
                ActorCell.RestartChild((InternalActorRef)s.Child, cause, suspendFirst: !ReferenceEquals(s.Child, child));
            }
            else
            {
                context.StopChild(s.Child);
            }
        }
    }
}
