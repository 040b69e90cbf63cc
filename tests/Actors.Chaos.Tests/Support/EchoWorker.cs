namespace Actors.Chaos.Tests.Support;

/// <summary>A unit worker that answers every message with itself; it never throws on its own.</summary>
public sealed class EchoWorker : ReceiveActor
{
    public EchoWorker() => ReceiveAny(m => Sender.Tell(m));

    public static Props Props(string id) => Akka.Actor.Props.Create(() => new EchoWorker());
}
