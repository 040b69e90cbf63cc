using System.Diagnostics;

namespace Actors.TestKit;

/// <summary>
/// The real monotonic clock, used only for the kit's safety bounds (how long a failing expectation waits);
/// the system under test reads the virtual clock.
/// </summary>
internal static class RealClock
{
    public static TimeSpan Now => Stopwatch.GetElapsedTime(0);
}
