namespace Actors.Resilience.Tests.Support;

/// <summary>A unit worker: tells the probe when it starts, fails on "boom" (or at every start), echoes the rest as "id:message".</summary>
public sealed class FlakyWorker : ReceiveActor
{
    private readonly string _id;
    private readonly IActorRef _probe;
    private readonly bool _failOnStart;

    public FlakyWorker(string id, IActorRef probe, bool failOnStart)
    {
        _id = id;
        _probe = probe;
        _failOnStart = failOnStart;
        Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
        Receive<string>(s => Sender.Tell($"{_id}:{s}"));
    }

    public static Props Props(string id, IActorRef probe, bool failOnStart = false) =>
        Akka.Actor.Props.Create(() => new FlakyWorker(id, probe, failOnStart));

    protected override void PreStart()
    {
        _probe.Tell($"started:{_id}");
        if (_failOnStart)
        {
            throw new IOException($"connection refused for {_id}");
        }
    }
}
