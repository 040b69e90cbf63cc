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
    private IActorRef? _driver;

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

    /// <summary>
    /// Crashes the first child <paramref name="count"/> times from an actor in the same system; returns the ticks
    /// from each failing message to the restarted child's reply.
    /// </summary>
    public long[] CrashFromActor(int count)
    {
        _driver ??= _system.ActorOf(Props.Create<RestartDriver>(), "driver");
        var run = new DriveCrashes(_children[0], new long[count], new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _driver.Tell(run, null);
        if (!run.Done.Task.Wait(TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException("The crash driver did not finish within 120 s.");
        }

        return run.Samples;
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

    /// <summary>What a restart must do at least: throw, catch, and build a fresh instance.</summary>
    private static Instance Fail()
    {
        try
        {
            throw new InvalidOperationException("benchmark crash");
        }
        catch (InvalidOperationException e)
        {
            return new Instance { State = e };
        }
    }

    private sealed class PoolDriver(long[] samples) : IThreadPoolWorkItem
    {
        private readonly PoolJob _job = new();
        private int _next = -1;
        private long _start;

        public long[] Samples => samples;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute()
        {
            if (_next >= 0)
            {
                samples[_next] = Stopwatch.GetTimestamp() - _start;
            }

            if (++_next == samples.Length)
            {
                Done.SetResult();
                return;
            }

            _job.Driver = this;
            _start = Stopwatch.GetTimestamp();
            ThreadPool.UnsafeQueueUserWorkItem(_job, preferLocal: true);
        }
    }

    private sealed class PoolJob : IThreadPoolWorkItem
    {
        public PoolDriver? Driver { get; set; }

        public Instance? Current { get; private set; }

        public void Execute()
        {
            Current = Fail();

            ThreadPool.UnsafeQueueUserWorkItem(Driver!, preferLocal: true);
        }
    }

    private sealed class Job(SignalRef signal) : IThreadPoolWorkItem
    {
        public Instance? Current { get; private set; }

        public void Execute()
        {
            Current = Fail();

            signal.Tell(Probe.Instance, null);
        }
    }

    /// <summary>
    /// The same floor inside the pool, as an actor sending the failing message sees it: a driver work item on a
    /// pool thread queues the job locally, the job throws, catches, builds the instance and queues the driver back;
    /// the driver times each round trip. Returns the ticks of <paramref name="count"/> round trips.
    /// </summary>
    public static long[] CrashInPool(int count)
    {
        var driver = new PoolDriver(new long[count]);
        ThreadPool.UnsafeQueueUserWorkItem(driver, preferLocal: false);
        if (!driver.Done.Task.Wait(TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException("The in-pool crash driver did not finish within 120 s.");
        }

        return driver.Samples;
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
