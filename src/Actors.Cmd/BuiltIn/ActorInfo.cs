using Actors.Resilience.Units;

namespace Actors.Cmd;

/// <summary>One actor of <c>actor hierarchy</c>, as found by <see cref="ActorSelection"/> and <see cref="Identify"/>.</summary>
/// <param name="Name">The actor's name.</param>
/// <param name="Path">Its path without address.</param>
/// <param name="Role">What it is, when the node knows (for example <c>unit instance</c>, <c>health aggregator</c>); otherwise <see langword="null"/>.</param>
/// <param name="Children">
/// Its children shown, ordered by name; <see langword="null"/> when they were not asked for (below the requested depth).
/// </param>
public sealed record ActorNodeInfo(string Name, string Path, string? Role, IReadOnlyList<ActorNodeInfo>? Children)
{
    /// <summary>Children found but left out because of the limit (<c>-n</c>).</summary>
    /// <value>Defaults to 0.</value>
    public int MoreChildren { get; init; }
}

/// <summary>What <c>actor hierarchy</c> reports.</summary>
/// <param name="Roots">The actor at the path (or <c>/user</c> and <c>/system</c> for <c>/</c>) with the children shown.</param>
/// <param name="Shown">Actors shown (at most the limit, <c>-n</c>).</param>
/// <param name="Total">Actors found within the depth, the timeout and the walk's cap.</param>
/// <param name="Complete">
/// False when the walk stopped early: some actor did not answer within the timeout, or the walk reached its cap of
/// actors; then <paramref name="Total"/> is a lower bound.
/// </param>
public sealed record ActorHierarchyInfo(IReadOnlyList<ActorNodeInfo> Roots, int Shown, int Total, bool Complete);

/// <summary>
/// What <c>actor stat</c> reports: what Akka exposes for any actor (whether it answers <see cref="Identify"/>, its
/// uid, its children found by selection) and, for a unit instance under <c>/user/units</c>, the unit's own counters.
/// </summary>
/// <param name="Path">Its path without address.</param>
/// <param name="Role">What it is, when the node knows; otherwise <see langword="null"/>.</param>
/// <param name="Answered">Whether it answered <see cref="Identify"/> within the timeout (a busy actor may not).</param>
/// <param name="Address">Its full address with uid, e.g. <c>akka://node/user/orders#1234</c>, when it answered.</param>
/// <param name="Children">Its children found by selection (<c>path/*</c>), ordered by name.</param>
/// <param name="ChildrenComplete">False when some child may not have answered within the timeout.</param>
/// <param name="UnitInstances">For a unit region (<c>/user/units/&lt;kind&gt;</c>): its live instances.</param>
/// <param name="Unit">For a unit instance or an actor inside one: the instance's own account of itself (state, breaker, retries, failures, buffered messages, last failure).</param>
public sealed record ActorStatInfo(
    string Path,
    string? Role,
    bool Answered,
    string? Address,
    IReadOnlyList<string> Children,
    bool ChildrenComplete,
    int? UnitInstances,
    UnitInstanceInfo? Unit);
