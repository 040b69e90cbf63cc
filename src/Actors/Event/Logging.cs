namespace Actors.Event;

/// <summary>Obtains loggers.</summary>
public static class Logging
{
    /// <summary>A logger whose events carry this actor's path, type and the type of the message being processed.</summary>
    /// <param name="context">The actor's context.</param>
    /// <returns>The logger.</returns>
    public static ILoggingAdapter GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cell = (ActorCell)context;
        return new BusLogging(cell.System, cell.Self.Path.ToString(), cell.Actor?.GetType() ?? cell.Props.Type, cell);
    }

    /// <summary>A logger for code outside actors.</summary>
    /// <param name="system">The system.</param>
    /// <param name="logSource">The source name shown in events.</param>
    /// <param name="logClass">The type logging.</param>
    /// <returns>The logger.</returns>
    public static ILoggingAdapter GetLogger(this ActorSystem system, string logSource, Type logClass)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new BusLogging((ActorSystemImpl)system, logSource, logClass, null);
    }
}
