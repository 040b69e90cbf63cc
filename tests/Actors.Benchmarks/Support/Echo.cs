using System.Diagnostics;

namespace Actors.Benchmarks.Support;

/// <summary>The work every measured path does: answer each <see cref="Ping"/> to its sender; throw on <see cref="Crash"/>.</summary>
internal sealed class Echo : UntypedActor
{
    private static long s_lastCrash;

    /// <summary>When an <see cref="Echo"/> last threw, in Stopwatch ticks (benchmarks crash one echo at a time).</summary>
    public static long LastCrash => Volatile.Read(ref s_lastCrash);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Ping:
                Sender.Tell(message);
                break;
            case Crash:
                Volatile.Write(ref s_lastCrash, Stopwatch.GetTimestamp());
                throw new InvalidOperationException("crash requested by the benchmark");
            default:
                Unhandled(message);
                break;
        }
    }
}
