namespace Actors.Resilience.Units;

/// <summary>
/// A message a stopping instance hands back to its region, for the next incarnation: older than anything that reached
/// the region after it began to stop, so the region sends these first.
/// </summary>
/// <param name="Id">The instance id.</param>
/// <param name="Message">The message, with its original sender as the sender.</param>
internal sealed record HandedBack(string Id, object Message);
