namespace Actors.Resilience.Tests.Support;

/// <summary>A unit worker that echoes "id:message" and, when stopped, waits for the gate: its instance stays "stopping" until the test opens it.</summary>
public sealed class SlowStopWorker : ReceiveActor
{
    private readonly ManualResetEventSlim _stopGate;

    public SlowStopWorker(string id, ManualResetEventSlim stopGate)
    {
        _stopGate = stopGate;
        Receive<string>(s => Sender.Tell($"{id}:{s}"));
    }

    public static Props Props(string id, ManualResetEventSlim stopGate) => Akka.Actor.Props.Create(() => new SlowStopWorker(id, stopGate));

    protected override void PostStop() => _stopGate.Wait(TimeSpan.FromSeconds(30));
}
