namespace Actors.Resilience.Units;

/// <summary>Published on the event stream (and told to the region) each time a unit instance changes state.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="State">The new state.</param>
/// <param name="Previous">The state before, or <see langword="null"/> for a new instance.</param>
/// <param name="Time">When, on the system's clock.</param>
/// <param name="Reason">Why, in a few words (for example the exception type, or <c>passivated</c>).</param>
public sealed record UnitStateChanged(string Kind, string Id, UnitState State, UnitState? Previous, DateTimeOffset Time, string? Reason);

/// <summary>Published when a unit instance schedules the restart of its worker after a failure.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="Attempt">The retry attempt, 1 for the first since the worker was last stable.</param>
/// <param name="Delay">The backoff delay before the worker is started again.</param>
public sealed record UnitRetryScheduled(string Kind, string Id, int Attempt, TimeSpan Delay);

/// <summary>Published periodically by each region: how many messages it routed since its previous report.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Messages">Messages routed to instances in the period.</param>
public sealed record UnitLoadReport(string Kind, long Messages);

/// <summary>
/// Published by a worker (or anything that measures it) after handling a request, so the health aggregator can
/// compute the p95 handling time of its kind: <c>Context.System.EventStream.Publish(new UnitHandlingTime(...))</c>.
/// </summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Elapsed">How long the request took.</param>
public sealed record UnitHandlingTime(string Kind, TimeSpan Elapsed);
