namespace Actors;

/// <summary>
/// A child's restart accounting, kept by its parent. Time is read from the system's <see cref="TimeProvider"/>,
/// so retry windows follow virtual time in tests.
/// </summary>
public sealed class ChildRestartStats
{
    internal ChildRestartStats(IActorRef child) => Child = child;

    /// <summary>The child.</summary>
    public IActorRef Child { get; }

    /// <summary>The child's incarnation number (from its path; not stored twice, to keep idle actors small).</summary>
    public long Uid => Child.Path.Uid;

    /// <summary>Restarts counted in the current window (or over the child's life when there is no window).</summary>
    public int RestartCount { get; private set; }

    private long _windowStart;
    private bool _windowOpen;

    /// <summary>
    /// Decides whether one more restart is allowed. <paramref name="maxNrOfRetries"/> below 0 means no limit,
    /// 0 means never; a <see langword="null"/> window counts over the child's life, otherwise the window opens at
    /// the first restart and a missing retry limit means 1 per window.
    /// </summary>
    /// <param name="maxNrOfRetries">The retry limit (negative = unlimited).</param>
    /// <param name="window">The window, or <see langword="null"/> for none.</param>
    /// <param name="time">The clock.</param>
    /// <returns>True when the child may be restarted.</returns>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? window, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (window is null)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }

            RestartCount++;
            return RestartCount <= maxNrOfRetries;
        }

        int retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        long now = time.GetTimestamp();
        if (!_windowOpen)
        {
            _windowOpen = true;
            _windowStart = now;
        }

        if (time.GetElapsedTime(_windowStart, now) <= window.Value)
        {
            RestartCount++;
            return RestartCount <= retries;
        }

        RestartCount = 1;
        _windowStart = now;
        return true;
    }
}
