namespace Actors.Samples.Exchange;

/// <summary>
/// Faults armed by the control endpoint and consumed by the connections. Counters are shared by every connection:
/// "garbage 3" makes the next three frames sent (on any connection) garbage. Thread-safe (Interlocked only).
/// </summary>
public sealed class ExchangeFaults
{
    private int _garbage;
    private int _skip;
    private int _refuse;
    private long _dropEpoch;
    private long _stallEpoch;
    private int _burst;

    /// <summary>The names the control endpoint accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["drop", "stall", "garbage", "skip", "refuse", "burst"];

    /// <summary>Bumped by every drop: connections opened before it close at once (an abort, no close handshake).</summary>
    public long DropEpoch => Interlocked.Read(ref _dropEpoch);

    /// <summary>Bumped by every stall: connections opened before it stop sending but stay open.</summary>
    public long StallEpoch => Interlocked.Read(ref _stallEpoch);

    /// <summary>Arms a fault. <paramref name="count"/> is how many frames (garbage, skip, burst) or connection attempts (refuse).</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="count">How many; at least 1.</param>
    /// <returns>False when the name is unknown.</returns>
    public bool Arm(string name, int count)
    {
        switch (name)
        {
            case "drop": Interlocked.Increment(ref _dropEpoch); return true;
            case "stall": Interlocked.Increment(ref _stallEpoch); return true;
            case "garbage": Interlocked.Add(ref _garbage, count); return true;
            case "skip": Interlocked.Add(ref _skip, count); return true;
            case "refuse": Interlocked.Add(ref _refuse, count); return true;
            case "burst": Interlocked.Add(ref _burst, count); return true;
            default: return false;
        }
    }

    /// <summary>Clears every pending fault (not drops and stalls already applied).</summary>
    public void Clear()
    {
        Interlocked.Exchange(ref _garbage, 0);
        Interlocked.Exchange(ref _skip, 0);
        Interlocked.Exchange(ref _refuse, 0);
        Interlocked.Exchange(ref _burst, 0);
    }

    internal bool TakeGarbage() => TakeOne(ref _garbage);

    internal bool TakeSkip() => TakeOne(ref _skip);

    internal bool TakeRefuse() => TakeOne(ref _refuse);

    internal int TakeBurst() => Interlocked.Exchange(ref _burst, 0);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            int seen = Volatile.Read(ref counter);
            if (seen <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, seen - 1, seen) == seen)
            {
                return true;
            }
        }
    }
}
