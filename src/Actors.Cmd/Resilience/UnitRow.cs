using Actors.Resilience.Units;

namespace Actors.Cmd;

/// <summary>One row of <c>units list</c>: a live instance and its kind.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="State">Its last reported state.</param>
/// <param name="Created">When its region created it.</param>
/// <param name="LastActivity">When its region last routed a message to it.</param>
public sealed record UnitRow(string Kind, string Id, UnitState State, DateTimeOffset Created, DateTimeOffset LastActivity);
