using System.Diagnostics;
using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Supervision;

internal sealed class Crash
{
    public static readonly Crash Instance = new();
}

internal sealed class Probe
{
    public static readonly Probe Instance = new();
}

/// <summary>Throws on <see cref="Crash"/>, answers <see cref="Probe"/>.</summary>
internal sealed class Crasher : ReceiveActor
{
    public Crasher()
    {
        Receive<Crash>(_ => throw new InvalidOperationException("benchmark crash"));
        Receive<Probe>(p => Sender.Tell(p, Self));
    }
}

internal sealed record SpawnChildren(int Count, TaskCompletionSource<IActorRef[]> Reply);

/// <summary>Restarts failing children without logging (the figure is the kernel's, not the console's).</summary>
internal sealed class RestartingSupervisor : ReceiveActor
{
    private static readonly SupervisorStrategy s_strategy = new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);

    public RestartingSupervisor() => Receive<SpawnChildren>(m =>
    {
        var children = new IActorRef[m.Count];
        for (int i = 0; i < m.Count; i++)
        {
            children[i] = Context.ActorOf(Props.Create<Crasher>());
        }

        m.Reply.SetResult(children);
    });

    protected override SupervisorStrategy SupervisorStrategy() => s_strategy;
}

/// <summary>A supervisor with children that crash on demand; measures crash-to-first-reply.</summary>
internal sealed class RestartWorkload : IDisposable
{
    private readonly ActorSystem _system;
    private readonly IActorRef[] _children;
    private readonly SignalRef _signal = new();

    public RestartWorkload(int children)
    {
        _system = BenchSystem.Create("restart");
        IActorRef supervisor = _system.ActorOf(Props.Create<RestartingSupervisor>(), "supervisor");
        var reply = new TaskCompletionSource<IActorRef[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        supervisor.Tell(new SpawnChildren(children, reply), null);
        if (!reply.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("Children were not created within 60 s.");
        }

        _children = reply.Task.Result;
    }

    /// <summary>One crash of one child: ticks from sending the failing message to the restarted actor's first reply.</summary>
    public long CrashOnce()
    {
        IActorRef child = _children[0];
        _signal.Arm(1);
        long t0 = Stopwatch.GetTimestamp();
        child.Tell(Crash.Instance, null);
        child.Tell(Probe.Instance, _signal);
        return _signal.SpinUntilDone() - t0;
    }

    /// <summary>All children crash at once; returns seconds until every restarted child has answered.</summary>
    public double CrashAll()
    {
        _signal.Arm(_children.Length);
        long t0 = Stopwatch.GetTimestamp();
        foreach (IActorRef child in _children)
        {
            child.Tell(Crash.Instance, null);
            child.Tell(Probe.Instance, _signal);
        }

        return (_signal.SpinUntilDone() - t0) / (double)Stopwatch.Frequency;
    }

    public int Children => _children.Length;

    public void Dispose() => BenchSystem.Shutdown(_system);
}

/// <summary>
/// Baseline for a restart: hand the failing work to a thread-pool thread, throw and catch there, build a fresh
/// "instance", and signal the waiting thread. That is the floor any restart pays: a hop, an exception, a new object.
/// </summary>
internal static class RawRestart
{
    private sealed class Instance
    {
        public object? State;
    }

    private sealed class Job(SignalRef signal) : IThreadPoolWorkItem
    {
        public Instance? Current { get; private set; }

        public void Execute()
        {
            try
            {
                throw new InvalidOperationException("benchmark crash");
            }
            catch (InvalidOperationException e)
            {
                Current = new Instance { State = e };
            }

            signal.Tell(Probe.Instance, null);
        }
    }

    public static long CrashOnce(SignalRef signal)
    {
        signal.Arm(1);
        long t0 = Stopwatch.GetTimestamp();
        ThreadPool.UnsafeQueueUserWorkItem(new Job(signal), preferLocal: false);
        return signal.SpinUntilDone() - t0;
    }

    public static double CrashAll(SignalRef signal, int count)
    {
        signal.Arm(count);
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(new Job(signal), preferLocal: false);
        }

        return (signal.SpinUntilDone() - t0) / (double)Stopwatch.Frequency;
    }
}
