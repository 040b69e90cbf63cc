namespace Actors.Samples.Node;

/// <summary>What the load generator sent, and the one typed outcome each request got back.</summary>
/// <param name="Sent">Requests sent.</param>
/// <param name="Done">Answered <see cref="Done"/> by a worker.</param>
/// <param name="WorkerFailed">Answered <c>UnitWorkerFailed</c>: the worker crashed on the request.</param>
/// <param name="CircuitOpen">Answered <c>CircuitOpen</c>: the instance's breaker was open.</param>
/// <param name="Overflow">Answered <c>UnitBufferOverflow</c>: the instance's buffer was full while its worker was down.</param>
/// <param name="Overloaded">Answered <c>Overloaded</c>: the memory guard refused new work.</param>
/// <param name="UnknownKind">Answered <c>UnknownUnitKind</c>.</param>
/// <param name="DeadLettered">
/// Never answered: Akka dead-lettered the request. The resilience layer hands a stopped worker's mailbox back, so this
/// must stay zero (the node exits 1 otherwise); it is counted from the event stream's <c>DeadLetter</c>s, so a loss
/// could not go unseen.
/// </param>
internal sealed record LoadTotals(long Sent, long Done, long WorkerFailed, long CircuitOpen, long Overflow, long Overloaded, long UnknownKind, long DeadLettered)
{
    /// <summary>Requests with no outcome yet (in flight, or lost: must be 0 once the load has settled).</summary>
    public long Unaccounted => Sent - Done - WorkerFailed - CircuitOpen - Overflow - Overloaded - UnknownKind - DeadLettered;
}
