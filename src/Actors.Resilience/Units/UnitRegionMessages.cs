using Actors.Resilience.Breaker;
namespace Actors.Resilience.Units;

/// <summary>Asks a region about one instance; answered with <see cref="UnitInstanceInfo"/> or <see cref="UnitNotFound"/>.</summary>
/// <param name="Id">The instance id.</param>
public sealed record GetUnitInstance(string Id);

/// <summary>Asks a region for its live instances; answered with <see cref="UnitInstanceList"/>.</summary>
public sealed record ListUnitInstances
{
    /// <summary>The single instance.</summary>
    public static ListUnitInstances Instance { get; } = new();
}

/// <summary>Closes the breaker of one instance; answered with <see cref="Breaker.BreakerStatus"/> or <see cref="UnitNotFound"/>.</summary>
/// <param name="Id">The instance id.</param>
public sealed record ResetUnitBreaker(string Id);

/// <summary>Asks a region for the breaker of one instance; answered with <see cref="Breaker.BreakerStatus"/> or <see cref="UnitNotFound"/>.</summary>
/// <param name="Id">The instance id.</param>
public sealed record GetUnitBreaker(string Id);

/// <summary>
/// Makes the running worker of one instance fail as if it had thrown <paramref name="Cause"/> (fault injection, for
/// chaos testing), through the normal failure path: the instance's supervisor sees <paramref name="Cause"/>, publishes
/// <see cref="Supervision.ActorFailed"/>, reports to the breaker and restarts the worker after its backoff. The worker's
/// own code is not involved: it is sent Akka's <see cref="Kill"/>, queued behind the messages already in its mailbox,
/// and the <see cref="ActorKilledException"/> that results is replaced by <paramref name="Cause"/> (and restarts the worker
/// instead of stopping it). Answered with <see cref="WorkerFailureInjected"/> or <see cref="UnitNotFound"/>.
/// </summary>
/// <param name="Id">The instance id.</param>
/// <param name="Cause">The exception the supervisor sees.</param>
public sealed record InjectWorkerFailure(string Id, Exception Cause);

/// <summary>The answer to <see cref="InjectWorkerFailure"/>.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="Injected">Whether the failure was queued for the worker; false when the instance is not running (starting, backing off, circuit open, stopping) or a failure is already pending.</param>
/// <param name="Detail">What happened, in a few words.</param>
public sealed record WorkerFailureInjected(string Kind, string Id, bool Injected, string Detail);

/// <summary>Closes the breakers of every live instance of the region; answered with <see cref="UnitsAffected"/>.</summary>
public sealed record ResetAllUnitBreakers
{
    /// <summary>The single instance.</summary>
    public static ResetAllUnitBreakers Instance { get; } = new();
}

/// <summary>Stops one instance (its next message creates it anew); answered with <see cref="UnitsAffected"/>.</summary>
/// <param name="Id">The instance id.</param>
public sealed record StopUnitInstance(string Id);

/// <summary>The answer when an instance is not live.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
public sealed record UnitNotFound(string Kind, string Id);

/// <summary>One live instance as its region sees it.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="State">Its last reported state.</param>
/// <param name="Created">When the region created it.</param>
/// <param name="LastActivity">When the region last routed a message to it.</param>
public sealed record UnitInstanceSummary(string Id, UnitState State, DateTimeOffset Created, DateTimeOffset LastActivity);

/// <summary>The answer to <see cref="ListUnitInstances"/>.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Instances">The live instances, ordered by id.</param>
public sealed record UnitInstanceList(string Kind, IReadOnlyList<UnitInstanceSummary> Instances);

/// <summary>An instance's own account of itself (the answer to <see cref="GetUnitInstance"/>).</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="State">Its state.</param>
/// <param name="Since">When it entered that state.</param>
/// <param name="Breaker">Its breaker's state.</param>
/// <param name="RetryAfter">When the breaker is open, how long until it admits a probe; zero otherwise.</param>
/// <param name="RetryAttempt">Backoff retries since the worker was last stable.</param>
/// <param name="Failures">Worker failures since the instance was created.</param>
/// <param name="BufferedMessages">Messages waiting for the worker to come back.</param>
/// <param name="LastFailure">The exception type and message of the last worker failure (no stack trace).</param>
public sealed record UnitInstanceInfo(
    string Kind,
    string Id,
    UnitState State,
    DateTimeOffset Since,
    CircuitBreakerState Breaker,
    TimeSpan RetryAfter,
    int RetryAttempt,
    long Failures,
    int BufferedMessages,
    string? LastFailure);
