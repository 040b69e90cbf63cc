namespace Actors.Resilience.Units;

/// <summary>A message for the unit instance <paramref name="Id"/>, sent to its kind's region (created on the first one).</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Message">The message for the worker; the original sender is kept.</param>
public sealed record UnitEnvelope(string Id, object Message);

/// <summary>A message for an instance of any kind, sent to <c>/user/units</c>, which hands it to the kind's region.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="Message">The message for the worker.</param>
public sealed record UnitMessage(string Kind, string Id, object Message);

/// <summary>The reply to a request for an instance whose circuit breaker is open. Nothing throws across the caller's boundary.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="RetryAfter">How long until the breaker admits a probe.</param>
public sealed record CircuitOpen(string Kind, string Id, TimeSpan RetryAfter);

/// <summary>The reply to a message that arrives while the instance's worker is down and its buffer is full.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="Message">The message that was not accepted.</param>
public sealed record UnitBufferOverflow(string Kind, string Id, object Message);

/// <summary>The reply when a message names a kind that has no region.</summary>
/// <param name="Kind">The unit kind.</param>
public sealed record UnknownUnitKind(string Kind);

/// <summary>
/// Told by a worker to its parent (<c>Context.Parent.Tell(UnitReady.Instance)</c>) once it is connected and serving,
/// for kinds with <see cref="UnitKindOptions.ReadyOnStart"/> off. It counts as a success for the instance's breaker.
/// </summary>
public sealed record UnitReady
{
    /// <summary>The single instance.</summary>
    public static UnitReady Instance { get; } = new();
}

/// <summary>
/// The reply to a message whose handling crashed the unit's worker: Akka drops the message that failed, so the unit
/// answers its sender with this instead, and the worker restarts after its backoff (or waits for the breaker).
/// Every message sent to a unit gets exactly one answer: the worker's, or one of <see cref="CircuitOpen"/>,
/// <see cref="UnitBufferOverflow"/>, <see cref="Memory.Overloaded"/>, <see cref="UnknownUnitKind"/> or this.
/// </summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Id">The instance id.</param>
/// <param name="ExceptionType">The full name of the exception's type.</param>
/// <param name="Message">The exception's message.</param>
public sealed record UnitWorkerFailed(string Kind, string Id, string ExceptionType, string Message);
