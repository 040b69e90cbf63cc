using Actors.Event;

namespace Actors.TestKit;

/// <summary>
/// Builds filters over the system's log events, dead letters and unhandled messages, e.g.
/// <c>EventFilter.Exception&lt;InvalidOperationException&gt;().ExpectOne(() =&gt; actor.Tell("boom"))</c>.
/// Matched events are muted (not written to the test output).
/// </summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _kit;
    private readonly TestLogger _logger;

    internal EventFilterFactory(TestKitBase kit, TestLogger logger)
    {
        _kit = kit;
        _logger = logger;
    }

    /// <summary>Error events caused by an exception of type <typeparamref name="T"/> (or a subtype).</summary>
    /// <typeparam name="T">The exception type.</typeparam>
    /// <param name="message">The exact exception message, if given.</param>
    /// <param name="contains">A part of the exception message, if given.</param>
    /// <param name="source">The exact log source (actor path), if given.</param>
    /// <returns>The filter.</returns>
    public EventFilterApplier Exception<T>(string? message = null, string? contains = null, string? source = null) where T : Exception =>
        Build(
            e => e is Error { Cause: T cause } err && Text(cause.Message, message, contains) && (source is null || err.LogSource == source),
            $"Exception<{typeof(T).Name}>");

    /// <summary>Error events.</summary>
    /// <param name="message">The exact rendered message, if given.</param>
    /// <param name="contains">A part of the rendered message, if given.</param>
    /// <param name="source">The exact log source, if given.</param>
    /// <returns>The filter.</returns>
    public EventFilterApplier Error(string? message = null, string? contains = null, string? source = null) => Level<Error>(message, contains, source);

    /// <summary>Warning events.</summary>
    /// <param name="message">The exact rendered message, if given.</param>
    /// <param name="contains">A part of the rendered message, if given.</param>
    /// <param name="source">The exact log source, if given.</param>
    /// <returns>The filter.</returns>
    public EventFilterApplier Warning(string? message = null, string? contains = null, string? source = null) => Level<Warning>(message, contains, source);

    /// <summary>Info events.</summary>
    /// <param name="message">The exact rendered message, if given.</param>
    /// <param name="contains">A part of the rendered message, if given.</param>
    /// <param name="source">The exact log source, if given.</param>
    /// <returns>The filter.</returns>
    public EventFilterApplier Info(string? message = null, string? contains = null, string? source = null) => Level<Info>(message, contains, source);

    /// <summary>Debug events.</summary>
    /// <param name="message">The exact rendered message, if given.</param>
    /// <param name="contains">A part of the rendered message, if given.</param>
    /// <param name="source">The exact log source, if given.</param>
    /// <returns>The filter.</returns>
    public EventFilterApplier Debug(string? message = null, string? contains = null, string? source = null) => Level<Debug>(message, contains, source);

    /// <summary>Dead letters whose message is of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <returns>The filter.</returns>
    public EventFilterApplier DeadLetter<T>() => Build(e => e is DeadLetter { Message: T }, $"DeadLetter<{typeof(T).Name}>");

    /// <summary>Any dead letter.</summary>
    /// <returns>The filter.</returns>
    public EventFilterApplier DeadLetter() => Build(e => e is DeadLetter, "DeadLetter");

    /// <summary>Unhandled messages of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <returns>The filter.</returns>
    public EventFilterApplier Unhandled<T>() => Build(e => e is UnhandledMessage { Message: T }, $"Unhandled<{typeof(T).Name}>");

    private EventFilterApplier Level<TEvent>(string? message, string? contains, string? source) where TEvent : LogEvent =>
        Build(e => e is TEvent log && Text(log.Message, message, contains) && (source is null || log.LogSource == source), typeof(TEvent).Name);

    private static bool Text(string actual, string? exact, string? contains) =>
        (exact is null || actual == exact) && (contains is null || actual.Contains(contains, StringComparison.Ordinal));

    private EventFilterApplier Build(Func<object, bool> predicate, string description) => new(_kit, _logger, predicate, description);
}
