using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Actors.Resilience.Units;

/// <summary>
/// The mailbox of unit workers (unless their props name another): an unbounded queue that, when the worker stops with
/// messages still queued (it was suspended after a failure and its breaker opened, or its instance stopped), hands
/// them back to the instance as <see cref="WorkerLeftover"/>s instead of dropping them into dead letters, so every
/// request gets an outcome. A worker restarted in place keeps its mailbox: nothing is handed back then.
/// </summary>
/// <remarks>
/// Akka cleans a stopped actor's mailbox before it tells the parent of the death, so the leftovers are in the
/// instance's mailbox before the instance hears of the death (and it handles the death through a message of its own,
/// queued after them).
/// </remarks>
internal sealed class WorkerMailbox(Settings settings, Akka.Configuration.Config config) : MailboxType(settings, config), IProducesMessageQueue<WorkerMessageQueue>
{
    /// <summary>The mailbox's id in the actor system's configuration (injected by <see cref="ResilienceRuntime.Start"/>).</summary>
    public const string ConfigPath = "actors-resilience-worker-mailbox";

    /// <summary>The configuration that declares the mailbox.</summary>
    public static Akka.Configuration.Config Declaration { get; } = Akka.Configuration.ConfigurationFactory.ParseString(
        $"{ConfigPath} {{ mailbox-type = \"{typeof(WorkerMailbox).FullName}, {typeof(WorkerMailbox).Assembly.GetName().Name}\" }}");

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new WorkerMessageQueue();
}
