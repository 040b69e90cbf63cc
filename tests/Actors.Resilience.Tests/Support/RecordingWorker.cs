namespace Actors.Resilience.Tests.Support;

/// <summary>
/// A unit worker that answers each message as "id:message" to its sender and also tells the log probe, so a test sees
/// the order in which the worker handled messages from several senders. "boom" throws; "hold" waits for the gate, then throws.
/// </summary>
public sealed class RecordingWorker : ReceiveActor
{
    public RecordingWorker(string id, IActorRef log, ManualResetEventSlim? hold)
    {
        Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
        Receive<string>(s => s == "hold", _ =>
        {
            log.Tell($"holding:{id}");
            hold?.Wait(TimeSpan.FromSeconds(30));
            throw new InvalidOperationException("released");
        });
        Receive<string>(s =>
        {
            log.Tell($"{id}:{s}");
            Sender.Tell($"{id}:{s}");
        });
    }

    public static Props Props(string id, IActorRef log, ManualResetEventSlim? hold = null) =>
        Akka.Actor.Props.Create(() => new RecordingWorker(id, log, hold));
}
