using Actors.Resilience.Breaker;
using Actors.Resilience.Units;

namespace Actors.Resilience.Operations;

/// <summary>
/// The unit operations (<c>GET /units</c>, <c>GET /units/{kind}</c>, <c>GET /units/{kind}/{id}</c>, <c>GET /breakers</c>,
/// <c>GET /breakers/{kind}</c>, <c>POST .../reset-breaker</c>, <c>POST /units/{kind}/reset-breakers</c>, and the
/// <c>pbm</c> equivalents). Each returns <see langword="null"/> when the kind or instance does not exist, so a caller
/// can answer "not found".
/// </summary>
/// <param name="runtime">The resilience actors.</param>
public sealed class UnitOperations(ResilienceRuntime runtime)
{
    private readonly ResilienceRuntime _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));

    /// <summary>The live instances of <paramref name="kind"/>.</summary>
    /// <param name="kind">The unit kind.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The list, or <see langword="null"/> when the kind is unknown.</returns>
    public async Task<UnitInstanceList?> List(string kind, CancellationToken cancellationToken = default)
    {
        IActorRef? region = await _runtime.GetRegionAsync(kind).ConfigureAwait(false);
        return region is null ? null : await Ask<UnitInstanceList>(region, ListUnitInstances.Instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every registered unit kind with its live instances, ordered by kind (a kind without instances is listed empty).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>One list per kind.</returns>
    public async Task<IReadOnlyList<UnitInstanceList>> ListAll(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<UnitRegionRef> regions = await Regions(cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(regions.Select(r => Ask<UnitInstanceList>(r.Region!, ListUnitInstances.Instance, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// The circuit breaker of every live instance of <paramref name="kind"/>, or of every kind when it is
    /// <see langword="null"/>, ordered by kind and id. Each breaker answers for itself; an instance that stops while
    /// the list is being made is left out.
    /// </summary>
    /// <param name="kind">The unit kind, or <see langword="null"/> for all kinds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The breakers, or <see langword="null"/> when <paramref name="kind"/> is given and unknown.</returns>
    public async Task<IReadOnlyList<UnitBreakerInfo>?> ListBreakers(string? kind = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<UnitRegionRef> regions;
        if (kind is null)
        {
            regions = await Regions(cancellationToken).ConfigureAwait(false);
        }
        else if (await _runtime.GetRegionAsync(kind).ConfigureAwait(false) is { } region)
        {
            regions = [new UnitRegionRef(kind, region)];
        }
        else
        {
            return null;
        }

        UnitBreakerInfo?[][] perKind = await Task.WhenAll(regions.Select(r => Breakers(r.Kind, r.Region!, cancellationToken))).ConfigureAwait(false);
        return perKind.SelectMany(b => b).OfType<UnitBreakerInfo>().ToArray();
    }

    /// <summary>One instance's own account of itself.</summary>
    /// <param name="kind">The unit kind.</param>
    /// <param name="id">The instance id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instance, or <see langword="null"/> when the kind or the instance is unknown.</returns>
    public async Task<UnitInstanceInfo?> Get(string kind, string id, CancellationToken cancellationToken = default)
    {
        IActorRef? region = await _runtime.GetRegionAsync(kind).ConfigureAwait(false);
        return region is null ? null : await Ask<object>(region, new GetUnitInstance(id), cancellationToken).ConfigureAwait(false) as UnitInstanceInfo;
    }

    /// <summary>Closes one instance's breaker.</summary>
    /// <param name="kind">The unit kind.</param>
    /// <param name="id">The instance id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result, or <see langword="null"/> when the kind or the instance is unknown.</returns>
    public async Task<BreakerResetResult?> ResetBreaker(string kind, string id, CancellationToken cancellationToken = default)
    {
        IActorRef? region = await _runtime.GetRegionAsync(kind).ConfigureAwait(false);
        if (region is null)
        {
            return null;
        }

        return await Ask<object>(region, new ResetUnitBreaker(id), cancellationToken).ConfigureAwait(false) is BreakerStatus status
            ? new BreakerResetResult(kind, id, status.Previous.ToString(), status.State.ToString())
            : null;
    }

    /// <summary>Closes the breakers of every live instance of <paramref name="kind"/>.</summary>
    /// <param name="kind">The unit kind.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result, or <see langword="null"/> when the kind is unknown.</returns>
    public async Task<BreakersResetResult?> ResetBreakers(string kind, CancellationToken cancellationToken = default)
    {
        IActorRef? region = await _runtime.GetRegionAsync(kind).ConfigureAwait(false);
        return region is null ? null : new BreakersResetResult(kind, (await Ask<UnitsAffected>(region, ResetAllUnitBreakers.Instance, cancellationToken).ConfigureAwait(false)).Count);
    }

    /// <summary>Stops one instance (its next message creates it anew).</summary>
    /// <param name="kind">The unit kind.</param>
    /// <param name="id">The instance id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether a live instance was stopped, or <see langword="null"/> when the kind is unknown.</returns>
    public async Task<bool?> Stop(string kind, string id, CancellationToken cancellationToken = default)
    {
        IActorRef? region = await _runtime.GetRegionAsync(kind).ConfigureAwait(false);
        return region is null ? null : (await Ask<UnitsAffected>(region, new StopUnitInstance(id), cancellationToken).ConfigureAwait(false)).Count > 0;
    }

    private async Task<IReadOnlyList<UnitRegionRef>> Regions(CancellationToken cancellationToken) =>
        (await Ask<UnitRegions>(_runtime.Units, GetUnitRegions.Instance, cancellationToken).ConfigureAwait(false)).Regions;

    private async Task<UnitBreakerInfo?[]> Breakers(string kind, IActorRef region, CancellationToken cancellationToken)
    {
        UnitInstanceList list = await Ask<UnitInstanceList>(region, ListUnitInstances.Instance, cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(list.Instances.Select(async i =>
            await Ask<object>(region, new GetUnitBreaker(i.Id), cancellationToken).ConfigureAwait(false) is BreakerStatus s
                ? new UnitBreakerInfo(kind, i.Id, s.State, s.FailureCount, s.RetryAfter, s.CurrentResetTimeout)
                : null)).ConfigureAwait(false);
    }

    private Task<T> Ask<T>(IActorRef target, object message, CancellationToken cancellationToken) =>
        target.Ask<T>(message, _runtime.Options.OperationTimeout, cancellationToken);
}
