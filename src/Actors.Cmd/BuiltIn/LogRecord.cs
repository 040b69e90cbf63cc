namespace Actors.Cmd;

/// <summary>A log event as <c>log peek</c> and <c>log tail</c> report it.</summary>
/// <param name="Timestamp">When it was logged.</param>
/// <param name="Level">debug, info, warning or error.</param>
/// <param name="Source">Where it was logged (usually an actor path).</param>
/// <param name="LogClass">The type that logged it.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="Cause">The exception's type and message, if any.</param>
public sealed record LogRecord(DateTimeOffset Timestamp, string Level, string Source, string LogClass, string Message, string? Cause)
{
    /// <summary>Converts a log event.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The record.</returns>
    public static LogRecord From(LogEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        DateTime utc = e.Timestamp.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc) : e.Timestamp.ToUniversalTime();
        return new(
            new DateTimeOffset(utc),
            LevelName(e.LogLevel()),
            e.LogSource ?? string.Empty,
            e.LogClass?.Name ?? string.Empty,
            e.Message?.ToString() ?? string.Empty,
            e.Cause is null ? null : $"{e.Cause.GetType().Name}: {e.Cause.Message}");
    }

    /// <summary>The short name of a level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>debug, info, warning or error.</returns>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.DebugLevel => "debug",
        LogLevel.InfoLevel => "info",
        LogLevel.WarningLevel => "warning",
        _ => "error",
    };

    /// <summary>Parses a level name (debug, info, warning/warn, error), case-insensitive.</summary>
    /// <param name="text">The name.</param>
    /// <param name="level">The level.</param>
    /// <returns>Whether it is a level.</returns>
    public static bool TryParseLevel(string? text, out LogLevel level)
    {
        switch (text?.ToUpperInvariant())
        {
            case "DEBUG": level = LogLevel.DebugLevel; return true;
            case "INFO": level = LogLevel.InfoLevel; return true;
            case "WARN" or "WARNING": level = LogLevel.WarningLevel; return true;
            case "ERROR": level = LogLevel.ErrorLevel; return true;
            default: level = LogLevel.DebugLevel; return false;
        }
    }

    /// <summary>One line: time, level, source, message, cause.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level.ToUpperInvariant(),-7} [{Source}] {Message}{(Cause is null ? string.Empty : " | " + Cause)}";
}
