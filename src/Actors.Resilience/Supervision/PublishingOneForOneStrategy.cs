namespace Actors.Resilience.Supervision;

/// <summary>
/// Akka's <see cref="OneForOneStrategy"/> that also publishes an <see cref="ActorFailed"/> on the event stream for
/// every decision it takes (resume, restart or stop), exactly once, before the directive is applied. Use it where a
/// supervisor's children should show in the error journal and the health aggregator.
/// </summary>
/// <remarks>
/// Akka calls <c>LogFailure</c> once per handled failure, whatever the directive and whether or not logging is on;
/// this strategy publishes from there and then lets Akka log as usual.
/// </remarks>
public class PublishingOneForOneStrategy : OneForOneStrategy
{
    /// <summary>A strategy with no retry limit.</summary>
    /// <param name="decider">Decides the directive for each failure.</param>
    /// <param name="loggingEnabled">Whether Akka logs each failure as an error.</param>
    public PublishingOneForOneStrategy(Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(-1, -1, decider, loggingEnabled)
    {
    }

    /// <summary>A strategy that stops a child after <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/>.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed; -1 for no limit.</param>
    /// <param name="withinTimeRange">The window restarts are counted in; <see langword="null"/> for the child's whole life.</param>
    /// <param name="decider">Decides the directive for each failure.</param>
    public PublishingOneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <inheritdoc/>
    protected override void LogFailure(IActorContext context, IActorRef child, Exception cause, Directive directive)
    {
        if (PublishesBeforeDirective(directive))
        {
            Publish(context, child, cause, directive);
        }

        // Akka does not log an escalation either: the supervisor above decides and logs.
        LogLevel level = directive == Directive.Resume ? LogLevel.WarningLevel : LogLevel.ErrorLevel;
        if (!LoggingEnabled || directive == Directive.Escalate || context.System.EventStream.LogLevel > level)
        {
            return;
        }

        // What Akka logs, as a structured event (Akka.Logger.Serilog turns the template's names into properties):
        // the failed actor is the log source (ActorPath), and the type of the message it was handling is named.
        Exception shown = cause is ActorInitializationException { InnerException: { } inner } ? inner : cause;
        ILoggingAdapter log = new BusLogging(context.System.EventStream, child.Path.ToString(), GetType(), context.System.Settings.LogFormatter);
        const string template = "Failed handling {MessageType}: {Reason} (directive {Directive})";
        string messageType = FailedMessageType(child, cause);
        if (directive == Directive.Resume)
        {
            log.Warning(cause, template, messageType, shown.Message, directive);
        }
        else
        {
            log.Error(cause, template, messageType, shown.Message, directive);
        }
    }

    /// <summary>
    /// The type of the message a failed child was handling (a suspended cell keeps its current message until it is
    /// recreated), or <c>"(start)"</c> for a failure while it was being created or restarted.
    /// </summary>
    private static string FailedMessageType(IActorRef child, Exception cause)
    {
        if (cause is ActorInitializationException
            || child is not ActorRefWithCell { Underlying: ActorCell cell }
            || cell.CurrentMessage is null or Akka.Dispatch.SysMsg.ISystemMessage)
        {
            return "(start)";
        }

        return cell.CurrentMessage.GetType().FullName ?? cell.CurrentMessage.GetType().Name;
    }

    /// <summary>
    /// Whether the decision is published before the directive is applied (the default, for every directive). A
    /// subclass that applies a directive itself may publish afterwards with <see cref="Publish"/>, exactly once.
    /// </summary>
    /// <param name="directive">The directive decided.</param>
    /// <returns>True to publish before the directive is applied.</returns>
    protected virtual bool PublishesBeforeDirective(Directive directive) => true;

    /// <summary>Publishes the decision as an <see cref="ActorFailed"/> on the event stream.</summary>
    /// <param name="context">The supervisor's context.</param>
    /// <param name="child">The failed child.</param>
    /// <param name="cause">The failure.</param>
    /// <param name="directive">The directive decided.</param>
    protected static void Publish(IActorContext context, IActorRef child, Exception cause, Directive directive)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.System.EventStream.Publish(new ActorFailed(child, context.Self, cause, directive));
    }
}
