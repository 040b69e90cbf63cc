namespace Actors.Event;

/// <summary>
/// Logs by publishing <see cref="LogEvent"/>s on the event stream. Disabled levels cost one comparison.
/// Templates use <c>{0}</c> or <c>{Name}</c> placeholders.
/// </summary>
public interface ILoggingAdapter
{
    /// <summary>Whether events of <paramref name="level"/> are published.</summary>
    /// <param name="level">The level.</param>
    /// <returns>True when enabled.</returns>
    bool IsEnabled(LogLevel level);

    /// <summary>Logs at <paramref name="level"/>.</summary>
    /// <param name="level">The level.</param>
    /// <param name="cause">An exception, or <see langword="null"/>.</param>
    /// <param name="template">The template.</param>
    /// <param name="args">Its arguments.</param>
    void Log(LogLevel level, Exception? cause, string template, params object?[] args);

    /// <summary>Logs at debug level.</summary>
    /// <param name="template">The template.</param>
    /// <param name="args">Its arguments.</param>
    void Debug(string template, params object?[] args);

    /// <summary>Logs at info level.</summary>
    /// <param name="template">The template.</param>
    /// <param name="args">Its arguments.</param>
    void Info(string template, params object?[] args);

    /// <summary>Logs at warning level.</summary>
    /// <param name="template">The template.</param>
    /// <param name="args">Its arguments.</param>
    void Warning(string template, params object?[] args);

    /// <summary>Logs at warning level with an exception.</summary>
    /// <param name="cause">The exception.</param>
    /// <param name="template">The template.</param>
    /// <param name="args">Its arguments.</param>
    void Warning(Exception cause, string template, params object?[] args);

    /// <summary>Logs at error level.</summary>
    /// <param name="template">The template.</param>
    /// <param name="args">Its arguments.</param>
    void Error(string template, params object?[] args);

    /// <summary>Logs at error level with an exception.</summary>
    /// <param name="cause">The exception.</param>
    /// <param name="template">The template.</param>
    /// <param name="args">Its arguments.</param>
    void Error(Exception cause, string template, params object?[] args);
}
