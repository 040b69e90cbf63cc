using Actors.Resilience.Operations;

namespace Actors.Cmd;

/// <summary>
/// The data of <c>health detailed</c>: the details the HTTP twin serves, with <see cref="HealthDetails.Instances"/>
/// cut to the limit (<c>-n</c>, 50 by default; all with <c>--all</c>), ordered by kind and id.
/// </summary>
/// <param name="Details">The details, instances limited.</param>
/// <param name="InstancesTotal">How many instances there are in all.</param>
public sealed record HealthDetailsPage(HealthDetails Details, int InstancesTotal);
