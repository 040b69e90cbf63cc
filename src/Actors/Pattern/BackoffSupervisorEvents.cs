namespace Actors;

/// <summary>
/// A state change of a backoff supervisor, published on the event stream. Subscribe to this base type to receive all
/// of them: a health aggregator counts a supervisor as backing off from <see cref="BackoffStarted"/> until the next
/// <see cref="BackoffChildStarted"/> (or <see cref="BackoffSupervisorStopped"/>).
/// </summary>
/// <param name="Supervisor">The backoff supervisor.</param>
public abstract record BackoffSupervisorEvent(IActorRef Supervisor);

/// <summary>The child was started: at the supervisor's start, or after a backoff.</summary>
/// <param name="Supervisor">The backoff supervisor.</param>
/// <param name="Child">The new child.</param>
/// <param name="RestartCount">Restarts counted so far (0 for the first start or after a reset).</param>
public sealed record BackoffChildStarted(IActorRef Supervisor, IActorRef Child, int RestartCount) : BackoffSupervisorEvent(Supervisor);

/// <summary>The child failed or stopped and will be started again after <paramref name="Delay"/>.</summary>
/// <param name="Supervisor">The backoff supervisor.</param>
/// <param name="Attempt">The restart this delay leads to: 1 for the first since the start or the last reset.</param>
/// <param name="Delay">The delay, jitter included.</param>
/// <param name="Cause">The failure, or <see langword="null"/> when the child stopped.</param>
public sealed record BackoffStarted(IActorRef Supervisor, int Attempt, TimeSpan Delay, Exception? Cause) : BackoffSupervisorEvent(Supervisor);

/// <summary>The restart count returned to 0 (after a stable period, or by <see cref="BackoffSupervisor.Reset"/>).</summary>
/// <param name="Supervisor">The backoff supervisor.</param>
/// <param name="Manual">True when caused by a <see cref="BackoffSupervisor.Reset"/> message.</param>
public sealed record BackoffCounterReset(IActorRef Supervisor, bool Manual) : BackoffSupervisorEvent(Supervisor);

/// <summary>The child failed or stopped with all retries used; the supervisor stops.</summary>
/// <param name="Supervisor">The backoff supervisor.</param>
/// <param name="Retries">The restarts made.</param>
/// <param name="Cause">The last failure, or <see langword="null"/> when the child stopped.</param>
public sealed record BackoffGaveUp(IActorRef Supervisor, int Retries, Exception? Cause) : BackoffSupervisorEvent(Supervisor);

/// <summary>The supervisor stopped (it gave up, got its final stop message, its child stopped under <see cref="BackoffTrigger.OnFailure"/>, or it was stopped).</summary>
/// <param name="Supervisor">The backoff supervisor.</param>
public sealed record BackoffSupervisorStopped(IActorRef Supervisor) : BackoffSupervisorEvent(Supervisor);
