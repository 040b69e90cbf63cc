namespace Actors.Resilience.Memory;

/// <summary>
/// Published on the event stream by a workload that accounts for its own memory (for example prediction jobs: decoded
/// pixels, tensors, outputs): what it holds now. The memory guard lists the latest report of each owner in
/// <see cref="MemoryStatus.Workloads"/> and the health aggregator in <see cref="Health.HealthSnapshot.Workloads"/>, so an
/// operator sees which workload the process memory goes to.
/// </summary>
/// <param name="Owner">Who accounts, for example <c>prediction/orientation</c>.</param>
/// <param name="Bytes">Bytes held now by its items in flight.</param>
/// <param name="Items">Items in flight (jobs, sessions...).</param>
/// <param name="LargestItemBytes">The most one item has accounted for so far (a job's peak).</param>
public sealed record WorkloadMemory(string Owner, long Bytes, int Items, long LargestItemBytes);
