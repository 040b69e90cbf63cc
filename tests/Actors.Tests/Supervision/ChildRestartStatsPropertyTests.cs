using FsCheck.Xunit;

namespace Actors.Tests.Supervision;

/// <summary>
/// <see cref="ChildRestartStats.RequestRestartPermission"/> against a model of Akka.NET's documented rules, over random
/// sequences of failure times.
/// </summary>
public sealed class ChildRestartStatsPropertyTests
{
    /// <summary>The documented rules, written as plainly as possible.</summary>
    private sealed class Model(int maxNrOfRetries, TimeSpan? window)
    {
        private readonly List<TimeSpan> _inCurrentWindow = new();
        private int _lifetimeCount;

        public bool Request(TimeSpan now)
        {
            if (maxNrOfRetries == 0)
            {
                return false; // 0 = never restart
            }

            if (window is null)
            {
                if (maxNrOfRetries < 0)
                {
                    return true; // no limit
                }

                _lifetimeCount++;
                return _lifetimeCount <= maxNrOfRetries; // counted over the child's life
            }

            int limit = maxNrOfRetries < 0 ? 1 : maxNrOfRetries; // a window without a limit allows 1 per window
            if (_inCurrentWindow.Count > 0 && now - _inCurrentWindow[0] > window.Value)
            {
                _inCurrentWindow.Clear(); // the window has passed: the next one opens at this failure
            }

            _inCurrentWindow.Add(now);
            return _inCurrentWindow.Count <= limit;
        }
    }

    private static bool[] Run(int maxNrOfRetries, TimeSpan? window, IEnumerable<TimeSpan> gaps, out bool[] expected)
    {
        var clock = new TestKit.VirtualTimeProvider();
        var stats = new ChildRestartStats(ActorRefs.Nobody);
        var model = new Model(maxNrOfRetries, window);
        var actual = new List<bool>();
        var wanted = new List<bool>();
        foreach (TimeSpan gap in gaps)
        {
            clock.Advance(gap);
            actual.Add(stats.RequestRestartPermission(maxNrOfRetries, window, clock));
            wanted.Add(model.Request(clock.Elapsed));
        }

        expected = wanted.ToArray();
        return actual.ToArray();
    }

    [Property(MaxTest = 300)]
    public bool RequestRestartPermission_NoWindow_MatchesModel(sbyte maxNrOfRetries, byte[] gapMinutes)
    {
        bool[] actual = Run(maxNrOfRetries % 8, null, (gapMinutes ?? []).Select(g => TimeSpan.FromMinutes(g)), out bool[] expected);
        return actual.SequenceEqual(expected);
    }

    [Property(MaxTest = 500)]
    public bool RequestRestartPermission_WithWindow_MatchesModel(sbyte maxNrOfRetries, byte windowSeconds, byte[] gapSeconds)
    {
        var window = TimeSpan.FromSeconds(1 + (windowSeconds % 90));
        bool[] actual = Run(maxNrOfRetries % 6, window, (gapSeconds ?? []).Select(g => TimeSpan.FromSeconds(g % 40)), out bool[] expected);
        return actual.SequenceEqual(expected);
    }

    [Property(MaxTest = 300)]
    public bool RequestRestartPermission_WithWindow_NeverGrantsMoreThanLimitWithinOneWindowLength(byte maxNrOfRetries, byte[] gapSeconds)
    {
        int limit = 1 + (maxNrOfRetries % 5);
        var window = TimeSpan.FromSeconds(60);
        var clock = new TestKit.VirtualTimeProvider();
        var stats = new ChildRestartStats(ActorRefs.Nobody);
        var granted = new List<TimeSpan>();
        foreach (byte gap in gapSeconds ?? [])
        {
            clock.Advance(TimeSpan.FromSeconds(gap % 30));
            if (stats.RequestRestartPermission(limit, window, clock))
            {
                granted.Add(clock.Elapsed);
            }
        }

        // Windows are fixed, opened at a failure: any run of limit+1 grants must span more than one window length.
        for (int i = 0; i + limit < granted.Count; i++)
        {
            if (granted[i + limit] - granted[i] <= TimeSpan.Zero)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool RequestRestartPermission_ZeroRetries_NeverGrants(byte windowSeconds, byte[] gapSeconds, bool withWindow)
    {
        TimeSpan? window = withWindow ? TimeSpan.FromSeconds(1 + windowSeconds) : null;
        bool[] actual = Run(0, window, (gapSeconds ?? []).Select(g => TimeSpan.FromSeconds(g)), out _);
        return actual.All(granted => !granted);
    }
}
