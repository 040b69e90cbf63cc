namespace Actors.Event;

/// <summary>
/// A log event published on the event stream. Carries structured data: the source actor's path, the actor's
/// type, the type of the message being processed, the template and its arguments.
/// </summary>
public abstract class LogEvent
{
    private protected LogEvent(DateTimeOffset timestamp, string logSource, Type logClass, string template, Exception? cause, object?[]? args = null, Type? messageType = null)
    {
        Timestamp = timestamp;
        LogSource = logSource;
        LogClass = logClass;
        Template = template;
        Args = args ?? Array.Empty<object?>();
        Cause = cause;
        MessageType = messageType;
        ThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>When it was logged (from the system's clock).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Where it was logged: usually an actor path.</summary>
    public string LogSource { get; }

    /// <summary>The type that logged it.</summary>
    public Type LogClass { get; }

    /// <summary>The message template: <c>{0}</c> or <c>{Name}</c> placeholders, filled by position from <see cref="Args"/>.</summary>
    public string Template { get; }

    /// <summary>The template's arguments.</summary>
    public IReadOnlyList<object?> Args { get; }

    /// <summary>The exception, if any.</summary>
    public Exception? Cause { get; }

    /// <summary>The type of the message the actor was processing, if logged from an actor.</summary>
    public Type? MessageType { get; }

    /// <summary>The managed thread that logged it.</summary>
    public int ThreadId { get; }

    /// <summary>The severity.</summary>
    public abstract LogLevel Level { get; }

    /// <summary>The rendered message.</summary>
    public string Message => LogMessageFormatter.Format(Template, Args);

    /// <inheritdoc/>
    public override string ToString()
    {
        string level = Level switch
        {
            LogLevel.DebugLevel => "DEBUG",
            LogLevel.InfoLevel => "INFO",
            LogLevel.WarningLevel => "WARNING",
            _ => "ERROR",
        };
        string text = $"[{level}][{Timestamp:yyyy-MM-dd HH:mm:ss.fff}Z][Thread {ThreadId:0000}][{LogSource}] {Message}";
        return Cause is null ? text : $"{text}{Environment.NewLine}Cause: {Cause}";
    }
}
