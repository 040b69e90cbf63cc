namespace Actors.Resilience.Units;

/// <summary>
/// What an instance tells its region without a message: when it last received a unit message and how many it
/// received since the region last asked. Written only by the instance (on its turn), read by the region (on its
/// turn) for passivation and load reports: the clock read and the count cost the instance, in parallel, instead of
/// the region, which every unit message of the kind passes through.
/// </summary>
internal sealed class UnitActivity(DateTimeOffset created)
{
    private long _lastTicks = created.UtcTicks;
    private long _messages;

    public DateTimeOffset LastActivity => new(Volatile.Read(ref _lastTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now)
    {
        Volatile.Write(ref _lastTicks, now.UtcTicks);
        Interlocked.Increment(ref _messages);
    }

    /// <summary>The messages received since the last call.</summary>
    public long TakeMessages() => Interlocked.Exchange(ref _messages, 0);
}
