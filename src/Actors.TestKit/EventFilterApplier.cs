namespace Actors.TestKit;

/// <summary>Applies a filter around a block of test code.</summary>
public sealed class EventFilterApplier
{
    private readonly TestKitBase _kit;
    private readonly TestLogger _logger;
    private readonly Func<object, bool> _predicate;
    private readonly string _description;

    internal EventFilterApplier(TestKitBase kit, TestLogger logger, Func<object, bool> predicate, string description)
    {
        _kit = kit;
        _logger = logger;
        _predicate = predicate;
        _description = description;
    }

    /// <summary>Runs <paramref name="action"/> and asserts exactly one matching event occurred.</summary>
    /// <param name="action">The block.</param>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>Runs <paramref name="action"/> and asserts exactly <paramref name="expected"/> matching events occurred.</summary>
    /// <param name="expected">The count.</param>
    /// <param name="action">The block.</param>
    public void Expect(int expected, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var entry = new EventFilterEntry(_predicate, _description);
        _logger.Add(entry);
        try
        {
            action();
            TimeSpan deadline = RealClock.Now + _kit.TestKitSettings.DefaultTimeout;
            while (entry.Hits < expected && RealClock.Now < deadline)
            {
                Task changed = entry.Changed;
                if (entry.Hits >= expected)
                {
                    break;
                }

                changed.Wait(deadline - RealClock.Now is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }

            _kit.AwaitIdle();
            if (entry.Hits != expected)
            {
                throw new TestKitException($"Expected {expected} event(s) matching {_description} but saw {entry.Hits}.");
            }
        }
        finally
        {
            _logger.Remove(entry);
        }
    }

    /// <summary>Runs <paramref name="action"/> with matching events muted, without asserting a count.</summary>
    /// <param name="action">The block.</param>
    public void Mute(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using (Mute())
        {
            action();
            _kit.AwaitIdle();
        }
    }

    /// <summary>Mutes matching events until the returned handle is disposed.</summary>
    /// <returns>The handle.</returns>
    public IDisposable Mute()
    {
        var entry = new EventFilterEntry(_predicate, _description);
        _logger.Add(entry);
        return new Unmute(_logger, entry);
    }

    private sealed class Unmute(TestLogger logger, EventFilterEntry entry) : IDisposable
    {
        public void Dispose() => logger.Remove(entry);
    }
}
