using Actors.Resilience.Health;

namespace Actors.Resilience.Tests.Support;

/// <summary>A resource probe that returns what the test sets; sampled only on the aggregator's turn.</summary>
public sealed class FakeResourceProbe : IResourceProbe
{
    private volatile ResourceSample _next = new(10, 20, 100, 50, 0, 10, 0);
    private int _samples;

    public ResourceSample Next
    {
        get => _next;
        set => _next = value;
    }

    public int Samples => Volatile.Read(ref _samples);

    /// <summary>When set, the next sample blocks until the gate opens (tells the test through <see cref="Entered"/>).</summary>
    public ManualResetEventSlim? Gate { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ResourceSample Sample()
    {
        Interlocked.Increment(ref _samples);
        if (Gate is { } gate)
        {
            Entered.TrySetResult();
            gate.Wait(TimeSpan.FromSeconds(30));
        }

        return _next;
    }
}
