namespace Actors.Resilience.Units;

/// <summary>Told by a region to one of its instances: stop now (passivation, an operator, or the memory guard).</summary>
internal sealed record StopUnit(string Reason);
