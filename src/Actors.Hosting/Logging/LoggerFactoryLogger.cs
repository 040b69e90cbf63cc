using Actors.Event;
using Microsoft.Extensions.Logging;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Actors.Hosting.Logging;

/// <summary>
/// The logger actor that forwards the actor system's log events to <see cref="ILoggerFactory"/>, one category per
/// logging class, with the template's arguments and ActorPath, MessageType and LogClass as structured properties.
/// Only the actor's mailbox thread touches the logger cache.
/// </summary>
internal sealed class LoggerFactoryLogger(ILoggerFactory factory) : ActorBase
{
    private readonly Dictionary<Type, ILogger> _loggers = new();

    protected override bool Receive(object message)
    {
        if (message is not LogEvent e)
        {
            return false;
        }

        if (!_loggers.TryGetValue(e.LogClass, out ILogger? logger))
        {
            logger = factory.CreateLogger(e.LogClass.FullName ?? e.LogClass.Name);
            _loggers[e.LogClass] = logger;
        }

        MsLogLevel level = Map(e.Level);
        if (logger.IsEnabled(level))
        {
            logger.Log(level, default, new LogEventState(e), e.Cause, static (state, _) => state.ToString());
        }

        return true;
    }

    internal static MsLogLevel Map(Actors.Event.LogLevel level) => level switch
    {
        Actors.Event.LogLevel.DebugLevel => MsLogLevel.Debug,
        Actors.Event.LogLevel.InfoLevel => MsLogLevel.Information,
        Actors.Event.LogLevel.WarningLevel => MsLogLevel.Warning,
        _ => MsLogLevel.Error,
    };
}
