using Actors.Event;

namespace Actors.Hosting;

/// <summary>How the hosted actor system logs; see <see cref="ActorsBuilder.ConfigureLoggers"/>.</summary>
public sealed class ActorsLoggerOptions
{
    /// <summary>The lowest level of log event the actor system publishes, overriding <c>actors.loglevel</c>.</summary>
    /// <value>Defaults to <see langword="null"/> (use the configuration).</value>
    public LogLevel? LogLevel { get; set; }

    /// <summary>Whether log events are forwarded to <c>ILoggerFactory</c>, overriding <c>actors.hosting.ilogger</c>.</summary>
    /// <value>Defaults to <see langword="null"/> (use the configuration, which says on).</value>
    public bool? UseILogger { get; set; }

    /// <summary>Whether the console logger also runs, overriding <c>actors.stdout-logger</c>.</summary>
    /// <value>Defaults to <see langword="null"/> (use the configuration, which says off under a host).</value>
    public bool? StdoutLogger { get; set; }

    /// <summary>Further logger actors, each subscribed to every log event.</summary>
    /// <value>Defaults to none.</value>
    public IList<Props> Loggers { get; } = new List<Props>();
}
