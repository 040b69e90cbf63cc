using Actors.Resilience.Units;

namespace Actors.Samples.Node;

/// <summary>
/// Counts breakers opening and backoff retries straight from the event stream, to check the health endpoint against.
/// Subscribed by its creator, before any unit instance exists, so it misses nothing.
/// </summary>
internal sealed class EventCounter : ReceiveActor
{
    private static long s_opened;
    private static long s_retries;

    public EventCounter()
    {
        Receive<UnitStateChanged>(e =>
        {
            if (e.State == UnitState.CircuitOpen && e.Previous != UnitState.CircuitOpen)
            {
                Interlocked.Increment(ref s_opened);
            }
        });
        Receive<UnitRetryScheduled>(_ => Interlocked.Increment(ref s_retries));
    }

    public static long BreakersOpened => Interlocked.Read(ref s_opened);

    public static long Retries => Interlocked.Read(ref s_retries);
}
