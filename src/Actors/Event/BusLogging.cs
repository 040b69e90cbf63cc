namespace Actors.Event;

/// <summary>The logging adapter that publishes on a system's event stream.</summary>
internal sealed class BusLogging(ActorSystemImpl system, string logSource, Type logClass, ActorCell? cell) : ILoggingAdapter
{
    public bool IsEnabled(LogLevel level) => level >= system.LogLevel;

    public void Log(LogLevel level, Exception? cause, string template, params object?[] args)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        DateTimeOffset now = system.TimeProvider.GetUtcNow();
        Type? messageType = cell?.CurrentMessage?.GetType();
        LogEvent e = level switch
        {
            LogLevel.DebugLevel => new Debug(now, logSource, logClass, template, cause, args, messageType),
            LogLevel.InfoLevel => new Info(now, logSource, logClass, template, cause, args, messageType),
            LogLevel.WarningLevel => new Warning(now, logSource, logClass, template, cause, args, messageType),
            _ => new Error(now, logSource, logClass, template, cause, args, messageType),
        };
        system.EventStream.Publish(e);
    }

    public void Debug(string template, params object?[] args) => Log(LogLevel.DebugLevel, null, template, args);

    public void Info(string template, params object?[] args) => Log(LogLevel.InfoLevel, null, template, args);

    public void Warning(string template, params object?[] args) => Log(LogLevel.WarningLevel, null, template, args);

    public void Warning(Exception cause, string template, params object?[] args) => Log(LogLevel.WarningLevel, cause, template, args);

    public void Error(string template, params object?[] args) => Log(LogLevel.ErrorLevel, null, template, args);

    public void Error(Exception cause, string template, params object?[] args) => Log(LogLevel.ErrorLevel, cause, template, args);
}
