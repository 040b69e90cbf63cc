using Actors.Event;
using Xunit.Abstractions;

namespace Actors.TestKit;

/// <summary>
/// Receives the system's log events, dead letters and unhandled messages: events matched by an active filter are
/// counted and muted; other log events go to the test's output.
/// </summary>
internal sealed class TestLogger(ITestOutputHelper? output)
{
    private readonly object _gate = new();
    private readonly List<EventFilterEntry> _filters = new();

    public void Add(EventFilterEntry filter)
    {
        lock (_gate)
        {
            _filters.Add(filter);
        }
    }

    public void Remove(EventFilterEntry filter)
    {
        lock (_gate)
        {
            _filters.Remove(filter);
        }
    }

    public void Handle(object @event)
    {
        lock (_gate)
        {
            foreach (EventFilterEntry filter in _filters)
            {
                if (filter.Matches(@event))
                {
                    filter.Hit();
                    return;
                }
            }
        }

        if (@event is LogEvent log && output is not null)
        {
            try
            {
                output.WriteLine(log.ToString());
            }
            catch (InvalidOperationException)
            {
                // The test has already finished; xunit refuses late output.
            }
        }
    }
}
