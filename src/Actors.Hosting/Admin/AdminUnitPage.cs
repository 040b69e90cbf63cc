using Actors.Resilience.Units;

namespace Actors.Hosting.Admin;

/// <summary>One page of a kind's live instances (<c>GET /units/{kind}</c>, and each kind of <c>GET /units</c>), ordered by id.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Total">Live instances of the kind.</param>
/// <param name="Offset">Instances skipped.</param>
/// <param name="Limit">Instances answered at most.</param>
/// <param name="Instances">This page.</param>
internal sealed record AdminUnitPage(string Kind, int Total, int Offset, int Limit, IReadOnlyList<UnitInstanceSummary> Instances)
{
    public static AdminUnitPage From(UnitInstanceList list, AdminPage page) =>
        new(list.Kind, list.Instances.Count, page.Offset, page.Limit, page.Of(list.Instances));
}
