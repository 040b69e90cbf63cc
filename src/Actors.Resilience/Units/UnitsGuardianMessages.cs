namespace Actors.Resilience.Units;

/// <summary>Tells <c>/user/units</c> (and through it every region) to passivate instances idle for at least <paramref name="IdleFor"/>; answered with <see cref="UnitsAffected"/>.</summary>
/// <param name="IdleFor">The least idle time.</param>
public sealed record PassivateIdleUnits(TimeSpan IdleFor);

/// <summary>Tells <c>/user/units</c> to stop every instance of the kinds not marked critical; answered with <see cref="UnitsAffected"/>.</summary>
public sealed record StopNonCriticalUnits
{
    /// <summary>The single instance.</summary>
    public static StopNonCriticalUnits Instance { get; } = new();
}

/// <summary>How many instances a bulk operation touched.</summary>
/// <param name="Count">The number of instances.</param>
public sealed record UnitsAffected(int Count);

/// <summary>Creates the region of a unit kind under <c>/user/units</c> (answered with the region's reference); an existing kind answers its region unchanged.</summary>
/// <param name="Options">The kind's settings.</param>
public sealed record RegisterUnitKind(UnitKindOptions Options);

/// <summary>Asks <c>/user/units</c> for the region of a kind; answered with <see cref="UnitRegionRef"/>.</summary>
/// <param name="Kind">The unit kind.</param>
public sealed record GetUnitRegion(string Kind);

/// <summary>The answer to <see cref="RegisterUnitKind"/> and <see cref="GetUnitRegion"/>.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Region">The region, or <see langword="null"/> when the kind is unknown.</param>
public sealed record UnitRegionRef(string Kind, IActorRef? Region);

/// <summary>Asks <c>/user/units</c> for the region of every registered kind; answered with <see cref="UnitRegions"/>.</summary>
public sealed record GetUnitRegions
{
    /// <summary>The single instance.</summary>
    public static GetUnitRegions Instance { get; } = new();
}

/// <summary>The answer to <see cref="GetUnitRegions"/>.</summary>
/// <param name="Regions">Every registered kind and its region, ordered by kind.</param>
public sealed record UnitRegions(IReadOnlyList<UnitRegionRef> Regions);
