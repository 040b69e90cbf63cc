namespace Actors.Dashboard.Tests;

/// <summary>A unit worker that echoes strings and fails on "boom".</summary>
internal sealed class EchoWorker : ReceiveActor
{
    public EchoWorker(string id)
    {
        Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom at " + id));
        Receive<string>(s => Sender.Tell($"{id}:{s}"));
    }
}
