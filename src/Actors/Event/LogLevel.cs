namespace Actors.Event;

/// <summary>Severity of a log event, lowest first.</summary>
public enum LogLevel
{
    /// <summary>Diagnostic detail.</summary>
    DebugLevel,

    /// <summary>Normal operation.</summary>
    InfoLevel,

    /// <summary>Something unexpected that was handled.</summary>
    WarningLevel,

    /// <summary>A failure.</summary>
    ErrorLevel,
}
