namespace Actors.Resilience.Memory;

/// <summary>One action of the memory guard; journaled and published on the event stream.</summary>
/// <param name="Sequence">Position in the guard's journal, from 1.</param>
/// <param name="Time">When, on the system's clock.</param>
/// <param name="Kind">What was done.</param>
/// <param name="Trigger">Who asked.</param>
/// <param name="Ratio">Used ÷ available memory at the time (the latest sample).</param>
/// <param name="Detail">What happened, in a sentence.</param>
public sealed record MemoryAction(long Sequence, DateTimeOffset Time, MemoryActionKind Kind, MemoryActionTrigger Trigger, double Ratio, string Detail);
