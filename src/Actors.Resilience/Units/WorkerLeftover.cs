namespace Actors.Resilience.Units;

/// <summary>A message that was still queued for a worker when it stopped, handed back to its instance (see <see cref="WorkerMailbox"/>).</summary>
/// <param name="Worker">The worker that stopped.</param>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its original sender.</param>
internal sealed record WorkerLeftover(IActorRef Worker, object Message, IActorRef Sender);
