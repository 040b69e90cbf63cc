using Actors.Resilience.Units;
using Actors.Sessions.Outbox;
using Actors.Sessions.Worker;

namespace Actors.Sessions.Operations;

/// <summary>One instance: its unit (state, breaker), its session and its outbox.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Unit">The unit's state and breaker, or <see langword="null"/> when no session runs.</param>
/// <param name="Session">The worker's account, or <see langword="null"/> when it does not run or did not answer.</param>
/// <param name="SessionOutcome">Why <paramref name="Session"/> is missing (e.g. <c>circuit-open</c>), if it is.</param>
/// <param name="Queue">The outbox.</param>
public sealed record SessionInstanceView(string InstanceId, UnitInstanceInfo? Unit, SessionStatus? Session, string? SessionOutcome, QueueStatus Queue);
