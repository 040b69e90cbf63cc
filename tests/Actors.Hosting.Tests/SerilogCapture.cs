using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Actors.Hosting.Tests;

/// <summary>
/// The process-wide Serilog logger that Akka.Logger.Serilog writes to (it reads the static <see cref="Log.Logger"/>),
/// recording every event so tests can wait for one. Tests run in parallel: each matches only its own events.
/// </summary>
internal sealed class SerilogCapture : ILogEventSink
{
    private static readonly Lazy<SerilogCapture> s_instance = new(() =>
    {
        var capture = new SerilogCapture();
        Log.Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(capture).CreateLogger();
        return capture;
    });

    private readonly List<LogEvent> _events = new();
    private readonly List<(Func<LogEvent, bool> Match, TaskCompletionSource<LogEvent> Signal)> _waiters = new();
    private readonly object _gate = new();

    /// <summary>Installs the capture as <see cref="Log.Logger"/> (once) and returns it.</summary>
    public static SerilogCapture Instance => s_instance.Value;

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            _events.Add(logEvent);
            foreach (var waiter in _waiters.Where(w => w.Match(logEvent)).ToList())
            {
                waiter.Signal.TrySetResult(logEvent);
                _waiters.Remove(waiter);
            }
        }
    }

    public Task<LogEvent> WaitFor(Func<LogEvent, bool> match, TimeSpan timeout, string what)
    {
        var signal = new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_events.FirstOrDefault(match) is { } existing)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((match, signal));
        }

        return signal.Task.WaitAsync(timeout).ContinueWith(
            t => t.IsCompletedSuccessfully ? t.Result : throw new TimeoutException($"No Serilog event {what} within {timeout}."),
            TaskScheduler.Default);
    }

    public static string Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out LogEventPropertyValue? value)
            ? value is ScalarValue { Value: string s } ? s : value.ToString()
            : string.Empty;
}
