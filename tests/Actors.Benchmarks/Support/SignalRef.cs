namespace Actors.Benchmarks.Support;

/// <summary>
/// A sender that records when it is told something, so a spinning measuring thread sees the reply without a
/// thread-pool hop or a kernel wait adding to the figure. Optionally counts down and records the last arrival.
/// </summary>
internal sealed class SignalRef : IActorRef
{
    private static readonly ActorPath s_path = new RootActorPath("actors://bench") / "signal";
    private long _stamp;
    private int _remaining;

    public ActorPath Path => s_path;

    /// <summary>Timestamp of the reply that brought the count to zero, or 0 while waiting.</summary>
    public long Stamp => Volatile.Read(ref _stamp);

    public void Arm(int expected)
    {
        Volatile.Write(ref _stamp, 0);
        Volatile.Write(ref _remaining, expected);
    }

    public void Tell(object message, IActorRef? sender)
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Volatile.Write(ref _stamp, System.Diagnostics.Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Spins (yielding) until the expected replies arrived; returns the timestamp of the last one.</summary>
    public long SpinUntilDone()
    {
        var spinner = default(SpinWait);
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (120 * System.Diagnostics.Stopwatch.Frequency);
        long stamp;
        while ((stamp = Stamp) == 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("No reply within 120 s.");
            }
        }

        return stamp;
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public int CompareTo(IActorRef? other) => other is null ? 1 : s_path.CompareTo(other.Path);
}
