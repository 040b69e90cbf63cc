namespace Actors.Resilience.Tests.Support;

/// <summary>
/// A unit worker whose start fails while its <see cref="ConnectGate"/> is closed; it tells the probe each start, echoes
/// strings as "id:message" and answers a <see cref="Request"/> (one that waited for it while the gate was closed) with a
/// <see cref="Reply"/>.
/// </summary>
public sealed class GatedWorker : ReceiveActor
{
    private readonly string _id;
    private readonly IActorRef _probe;
    private readonly ConnectGate _gate;

    public GatedWorker(string id, IActorRef probe, ConnectGate gate)
    {
        _id = id;
        _probe = probe;
        _gate = gate;
        Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
        Receive<string>(s => Sender.Tell($"{_id}:{s}"));
        Receive<Request>(r => Sender.Tell(new Reply(_id, r.N, false)));
    }

    public static Props Props(string id, IActorRef probe, ConnectGate gate) => Akka.Actor.Props.Create(() => new GatedWorker(id, probe, gate));

    protected override void PreStart()
    {
        _probe.Tell($"started:{_id}");
        if (!_gate.IsOpen)
        {
            throw new IOException($"connection refused for {_id}");
        }
    }
}
