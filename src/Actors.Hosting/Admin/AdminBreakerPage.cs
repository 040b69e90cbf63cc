using Actors.Resilience.Operations;

namespace Actors.Hosting.Admin;

/// <summary>One page of circuit breakers (<c>GET /breakers</c>, <c>GET /breakers/{kind}</c>), ordered by kind and id.</summary>
/// <param name="Total">Breakers of live instances.</param>
/// <param name="Offset">Breakers skipped.</param>
/// <param name="Limit">Breakers answered at most.</param>
/// <param name="Breakers">This page.</param>
internal sealed record AdminBreakerPage(int Total, int Offset, int Limit, IReadOnlyList<UnitBreakerInfo> Breakers);
