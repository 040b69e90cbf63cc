using System.Diagnostics;

namespace Actors.Benchmarks.Supervision;

internal sealed record DriveCrashes(IActorRef Child, long[] Samples, TaskCompletionSource Done);

/// <summary>
/// Crashes a child from inside the system, as a service's actors do (a socket reader feeding a session): sends the
/// failing message and a probe, and times the restarted child's reply, one crash after another.
/// </summary>
internal sealed class RestartDriver : UntypedActor
{
    private DriveCrashes? _run;
    private int _next;
    private long _start;

    protected override void OnReceive(object message)
    {
        if (message is Probe)
        {
            DriveCrashes run = _run!;
            run.Samples[_next++] = Stopwatch.GetTimestamp() - _start;
            if (_next < run.Samples.Length)
            {
                CrashNext(run);
            }
            else
            {
                _run = null;
                run.Done.SetResult();
            }
        }
        else if (message is DriveCrashes start)
        {
            _run = start;
            _next = 0;
            CrashNext(start);
        }
        else
        {
            Unhandled(message);
        }
    }

    private void CrashNext(DriveCrashes run)
    {
        _start = Stopwatch.GetTimestamp();
        run.Child.Tell(Crash.Instance, Self);
        run.Child.Tell(Probe.Instance, Self);
    }
}
