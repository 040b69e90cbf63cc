namespace Actors.Benchmarks.Support;

/// <summary>The work every measured path does: answer each <see cref="Ping"/> to its sender; throw on <see cref="Crash"/>.</summary>
internal sealed class Echo : UntypedActor
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Ping:
                Sender.Tell(message);
                break;
            case Crash:
                throw new InvalidOperationException("crash requested by the benchmark");
            default:
                Unhandled(message);
                break;
        }
    }
}
