using Actors.Resilience.Breaker;
using Actors.Resilience.Units;

namespace Actors.Resilience.Operations;

/// <summary>
/// The unit operations (<c>GET /units/{kind}</c>, <c>GET /units/{kind}/{id}</c>, <c>POST .../reset-breaker</c>,
/// <c>POST /units/{kind}/reset-breakers</c>, and the <c>pbm</c> equivalents). Each returns <see langword="null"/> when
/// the kind or instance does not exist, so a caller can answer "not found".
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

    private Task<T> Ask<T>(IActorRef target, object message, CancellationToken cancellationToken) =>
        target.Ask<T>(message, _runtime.Options.OperationTimeout, cancellationToken);
}
