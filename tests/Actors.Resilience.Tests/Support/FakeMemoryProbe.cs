using Actors.Resilience.Memory;

namespace Actors.Resilience.Tests.Support;

/// <summary>A memory probe whose ratio the test sets; it can also be told to throw (to crash the guard).</summary>
public sealed class FakeMemoryProbe : IMemoryProbe
{
    private int _compactions;
    private long _ratioBits = BitConverter.DoubleToInt64Bits(0.5);
    private int _throwNext;

    public double Ratio
    {
        get => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _ratioBits));
        set => Interlocked.Exchange(ref _ratioBits, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Completed when a sample has thrown (see <see cref="ThrowOnNextSample"/>).</summary>
    public TaskCompletionSource Thrown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes the next sample throw (once), to crash the guard.</summary>
    public void ThrowOnNextSample() => Volatile.Write(ref _throwNext, 1);

    public int Compactions => Volatile.Read(ref _compactions);

    public MemorySample Sample()
    {
        if (Interlocked.Exchange(ref _throwNext, 0) == 1)
        {
            Thrown.TrySetResult();
            throw new InvalidOperationException("memory probe failed");
        }

        return new MemorySample((long)(Ratio * 1000), 1000, 100);
    }

    public void CompactHeap() => Interlocked.Increment(ref _compactions);
}
