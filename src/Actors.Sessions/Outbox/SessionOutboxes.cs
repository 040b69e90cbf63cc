using Actors.Sessions.Configuration;

namespace Actors.Sessions.Outbox;

/// <summary>
/// Parent of every instance's outbox (<c>/user/session-outboxes/&lt;id&gt;</c>): creates an outbox on its first
/// message and forwards <see cref="OutboxEnvelope"/>s to it. An outbox that fails restarts and recovers from its
/// journal.
/// </summary>
internal sealed class SessionOutboxes : UntypedActor
{
    private readonly SessionOptions _options;
    private readonly Action<string> _wake;

    public SessionOutboxes(SessionOptions options, Action<string> wake)
    {
        _options = options;
        _wake = wake;
    }

    public static Props Props(SessionOptions options, Action<string> wake) => Akka.Actor.Props.Create(() => new SessionOutboxes(options, wake));

    /// <summary>The child name of an instance's outbox (instance ids are escaped to valid actor names).</summary>
    public static string ChildName(string instanceId) => Uri.EscapeDataString(instanceId);

    protected override void OnReceive(object message)
    {
        if (message is OutboxEnvelope e)
        {
            string name = ChildName(e.InstanceId);
            IActorRef child = Context.Child(name);
            if (child.IsNobody())
            {
                child = Context.ActorOf(SessionOutbox.Props(e.InstanceId, _options, _wake), name);
            }

            child.Forward(e.Message);
        }
        else
        {
            Unhandled(message);
        }
    }
}
