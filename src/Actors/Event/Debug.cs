namespace Actors.Event;

/// <summary>A debug-level log event.</summary>
public sealed class Debug : LogEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="timestamp">When it was logged.</param>
    /// <param name="logSource">Where it was logged.</param>
    /// <param name="logClass">The type that logged it.</param>
    /// <param name="template">The message template.</param>
    /// <param name="cause">The exception, if any.</param>
    /// <param name="args">The template's arguments.</param>
    /// <param name="messageType">The type of the message being processed, if any.</param>
    public Debug(DateTimeOffset timestamp, string logSource, Type logClass, string template, Exception? cause, object?[]? args = null, Type? messageType = null)
        : base(timestamp, logSource, logClass, template, cause, args, messageType)
    {
    }

    /// <inheritdoc/>
    public override LogLevel Level => LogLevel.DebugLevel;
}
