using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Actors.Sessions.Outbox;
using Actors.Sessions.Worker;

namespace Actors.Sessions.Operations;

/// <summary>
/// The session operations, one implementation each, called by the HTTP routes and by <c>pbm sessions</c> alike.
/// Every call ends in one typed outcome; an actor that does not answer in time throws
/// <see cref="Akka.Actor.AskTimeoutException"/> (HTTP 503).
/// </summary>
public sealed class SessionOperations
{
    private readonly SessionGateway _gateway;
    private readonly UnitOperations _units;

    /// <summary>Creates the operations over a running gateway.</summary>
    /// <param name="gateway">The gateway.</param>
    public SessionOperations(SessionGateway gateway)
    {
        _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        _units = new UnitOperations(gateway.Runtime);
    }

    /// <summary>Queues a message: persisted before the answer.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="to">The recipient.</param>
    /// <param name="text">The text.</param>
    /// <param name="key">The idempotency key; generated when <see langword="null"/> or empty.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see cref="SendAccepted"/> or <see cref="QueueFull"/>.</returns>
    public Task<object> Send(string instanceId, string to, string text, string? key, CancellationToken cancellationToken = default) =>
        _gateway.Outboxes.Ask<object>(new OutboxEnvelope(instanceId, new Enqueue(to, text, key)), _gateway.Options.AskTimeout, cancellationToken);

    /// <summary>The outbox of an instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The status.</returns>
    public Task<QueueStatus> QueueStatus(string instanceId, CancellationToken cancellationToken = default) =>
        _gateway.Outboxes.Ask<QueueStatus>(new OutboxEnvelope(instanceId, GetQueueStatus.Instance), _gateway.Options.AskTimeout, cancellationToken);

    /// <summary>
    /// Resets the instance's breaker (a QR request is an operator asking to connect now) and starts its session;
    /// answers with the session's QR code or its ready state.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see cref="SessionStatus"/>, or the unit's typed refusal (<see cref="CircuitOpen"/>, <see cref="UnitWorkerFailed"/>, ...).</returns>
    public async Task<object> GetQrCode(string instanceId, CancellationToken cancellationToken = default)
    {
        if (await _units.Get(SessionGateway.Kind, instanceId, cancellationToken).ConfigureAwait(false) is not null)
        {
            await _units.ResetBreaker(SessionGateway.Kind, instanceId, cancellationToken).ConfigureAwait(false);
        }

        return await AskUnit(instanceId, Worker.GetQrCode.Instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One instance: unit, session and outbox. Does not start a session that is not running.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The view.</returns>
    public async Task<SessionInstanceView> GetInstance(string instanceId, CancellationToken cancellationToken = default)
    {
        UnitInstanceInfo? unit = await _units.Get(SessionGateway.Kind, instanceId, cancellationToken).ConfigureAwait(false);
        SessionStatus? session = null;
        string? outcome = null;
        if (unit is not null)
        {
            object answer = await AskUnit(instanceId, GetSessionStatus.Instance, cancellationToken).ConfigureAwait(false);
            session = answer as SessionStatus;
            outcome = answer switch
            {
                SessionStatus => null,
                CircuitOpen => "circuit-open",
                UnitWorkerFailed => "worker-failed",
                UnitBufferOverflow => "buffer-overflow",
                _ => answer.GetType().Name,
            };
        }
        else
        {
            outcome = "not-running";
        }

        QueueStatus queue = await QueueStatus(instanceId, cancellationToken).ConfigureAwait(false);
        return new SessionInstanceView(instanceId, unit, session, outcome, queue);
    }

    /// <summary>The running session instances.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instances (state, created, last activity).</returns>
    public async Task<UnitInstanceList> List(CancellationToken cancellationToken = default) =>
        await _units.List(SessionGateway.Kind, cancellationToken).ConfigureAwait(false)
        ?? new UnitInstanceList(SessionGateway.Kind, []);

    /// <summary>Closes one instance's breaker.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The breaker's previous and new state, or <see langword="null"/> when no such instance runs.</returns>
    public Task<BreakerResetResult?> ResetBreaker(string instanceId, CancellationToken cancellationToken = default) =>
        _units.ResetBreaker(SessionGateway.Kind, instanceId, cancellationToken);

    /// <summary>Closes every session breaker.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>How many instances were reset.</returns>
    public async Task<BreakersResetResult> ResetAllBreakers(CancellationToken cancellationToken = default) =>
        await _units.ResetBreakers(SessionGateway.Kind, cancellationToken).ConfigureAwait(false)
        ?? new BreakersResetResult(SessionGateway.Kind, 0);

    private Task<object> AskUnit(string instanceId, object message, CancellationToken cancellationToken) =>
        _gateway.Runtime.Units.Ask<object>(new UnitMessage(SessionGateway.Kind, instanceId, message), _gateway.Options.AskTimeout, cancellationToken);
}
