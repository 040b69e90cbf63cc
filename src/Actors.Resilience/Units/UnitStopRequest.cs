namespace Actors.Resilience.Units;

/// <summary>An instance asks its region to stop it (its worker stopped, or it gave up): the region answers <see cref="StopUnit"/>.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Reason">Why.</param>
internal sealed record UnitStopRequest(string Id, string Reason);
