using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Actors.Resilience.Units;

/// <summary>
/// The mailbox of unit workers (unless their props name another): an unbounded queue that, when the worker stops with
/// messages still queued (it failed, and its instance stopped it), hands them back to the instance as
/// <see cref="WorkerLeftover"/>s instead of dropping them into dead letters. The instance buffers them ahead of what
/// arrived since and delivers them to the next worker (or answers them), so every request gets an outcome.
/// </summary>
/// <remarks>
/// Akka cleans a stopped actor's mailbox before it tells the parent of the death, so the leftovers reach the instance
/// before its <see cref="Terminated"/>.
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
