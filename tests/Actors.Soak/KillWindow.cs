using System.Diagnostics;

namespace Actors.Soak;

/// <summary>
/// When the node was down: from the SIGKILL until the restarted node answered. A request that overlaps it may get no
/// answer (it was in flight in the killed process, or sent while nothing listened); any other request must.
/// </summary>
internal sealed class KillWindow
{
    private long _killedAt = long.MaxValue;
    private long _upAgainAt = long.MaxValue;

    public void Killed() => Interlocked.Exchange(ref _killedAt, Stopwatch.GetTimestamp());

    public void UpAgain() => Interlocked.Exchange(ref _upAgainAt, Stopwatch.GetTimestamp());

    /// <summary>Whether a request from <paramref name="started"/> to <paramref name="ended"/> (timestamps) overlaps the window.</summary>
    public bool Covers(long started, long ended) => ended >= Interlocked.Read(ref _killedAt) && started <= Interlocked.Read(ref _upAgainAt);
}
