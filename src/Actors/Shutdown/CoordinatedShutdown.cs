using Actors.Event;

namespace Actors;

/// <summary>
/// Stops a system in ordered phases. Tasks registered in a phase run concurrently; the next phase starts when all of
/// them completed or the phase's timeout passed (read from the system's clock), which is logged and does not stop
/// the shutdown. The last phase terminates the actor system.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>The first phase.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Stop accepting new requests.</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Wait for in-flight requests.</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Stop services.</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Before the cluster phases.</summary>
    public const string PhaseBeforeClusterShutdown = "before-cluster-shutdown";

    /// <summary>Hand off unit regions.</summary>
    public const string PhaseClusterShardingShutdownRegion = "cluster-sharding-shutdown-region";

    /// <summary>Leave the cluster.</summary>
    public const string PhaseClusterLeave = "cluster-leave";

    /// <summary>Exiting.</summary>
    public const string PhaseClusterExiting = "cluster-exiting";

    /// <summary>Exited.</summary>
    public const string PhaseClusterExitingDone = "cluster-exiting-done";

    /// <summary>Cluster stopped.</summary>
    public const string PhaseClusterShutdown = "cluster-shutdown";

    /// <summary>Last chance before the actors stop.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>The actor system terminates.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    /// <summary>The phases in the order they run.</summary>
    public static IReadOnlyList<string> Phases { get; } =
    [
        PhaseBeforeServiceUnbind, PhaseServiceUnbind, PhaseServiceRequestsDone, PhaseServiceStop,
        PhaseBeforeClusterShutdown, PhaseClusterShardingShutdownRegion, PhaseClusterLeave, PhaseClusterExiting,
        PhaseClusterExitingDone, PhaseClusterShutdown, PhaseBeforeActorSystemTerminate, PhaseActorSystemTerminate,
    ];

    private readonly ActorSystemImpl _system;
    private readonly object _gate = new();
    private readonly Dictionary<string, List<(string Name, Func<Task<Done>> Task)>> _tasks = new(StringComparer.Ordinal);
    private Task<Done>? _run;

    private CoordinatedShutdown(ActorSystemImpl system) => _system = system;

    /// <summary>The coordinated shutdown of <paramref name="system"/>.</summary>
    /// <param name="system">The system.</param>
    /// <returns>Its single instance.</returns>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return ((ActorSystemImpl)system).GetOrAddExtension(static s => new CoordinatedShutdown(s));
    }

    /// <summary>The reason given to <see cref="Run"/>, once it was called.</summary>
    public Reason? ShutdownReason { get; private set; }

    /// <summary>Whether <see cref="Run"/> was called.</summary>
    public bool IsRunning => Volatile.Read(ref _run) is not null;

    /// <summary>Adds a task to a phase; tasks of one phase run concurrently.</summary>
    /// <param name="phase">One of <see cref="Phases"/>.</param>
    /// <param name="taskName">A name for logs.</param>
    /// <param name="task">The task.</param>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!Phases.Contains(phase))
        {
            throw new ArgumentException($"Unknown coordinated-shutdown phase [{phase}]; known: {string.Join(", ", Phases)}.", nameof(phase));
        }

        lock (_gate)
        {
            if (_run is not null)
            {
                throw new InvalidOperationException($"Cannot add task [{taskName}] to phase [{phase}]: coordinated shutdown is already running.");
            }

            if (!_tasks.TryGetValue(phase, out var list))
            {
                _tasks[phase] = list = new List<(string, Func<Task<Done>>)>();
            }

            list.Add((taskName, task));
        }
    }

    /// <summary>Runs all phases in order; later calls return the same task.</summary>
    /// <param name="reason">Why the system shuts down.</param>
    /// <returns>Completes when the system has terminated.</returns>
    public Task<Done> Run(Reason reason)
    {
        lock (_gate)
        {
            if (_run is not null)
            {
                return _run;
            }

            ShutdownReason = reason;
            _run = Task.Run(RunPhases);
            return _run;
        }
    }

    private async Task<Done> RunPhases()
    {
        ILoggingAdapter log = _system.Log;
        log.Debug("Coordinated shutdown started: {Reason}", ShutdownReason);
        foreach (string phase in Phases)
        {
            List<(string Name, Func<Task<Done>> Task)> tasks;
            lock (_gate)
            {
                tasks = _tasks.TryGetValue(phase, out var list) ? list.ToList() : new();
            }

            if (phase == PhaseActorSystemTerminate)
            {
                tasks.Add(("terminate-system", async () =>
                {
                    await _system.FinalTerminate().ConfigureAwait(false);
                    return Done.Instance;
                }));
            }

            if (tasks.Count == 0)
            {
                continue;
            }

            TimeSpan timeout = _system.Settings.CoordinatedShutdown.PhaseTimeouts.TryGetValue(phase, out TimeSpan t)
                ? t
                : _system.Settings.CoordinatedShutdown.DefaultPhaseTimeout;
            Task all = Task.WhenAll(tasks.Select(x => RunOne(phase, x.Name, x.Task, log)));
            using var cts = new CancellationTokenSource();
            Task delay = Task.Delay(timeout, _system.TimeProvider, cts.Token);
            if (await Task.WhenAny(all, delay).ConfigureAwait(false) == delay)
            {
                log.Warning("Coordinated shutdown phase [{Phase}] timed out after {Timeout}; continuing", phase, timeout);
            }

            await cts.CancelAsync().ConfigureAwait(false);
        }

        await _system.FinalTerminate().ConfigureAwait(false);
        return Done.Instance;
    }

    private static async Task RunOne(string phase, string name, Func<Task<Done>> task, ILoggingAdapter log)
    {
        try
        {
            await task().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.Warning(e, "Coordinated shutdown task [{Task}] in phase [{Phase}] failed", name, phase);
        }
    }

    /// <summary>Why a shutdown happens.</summary>
    public abstract class Reason
    {
        private protected Reason()
        {
        }

        /// <inheritdoc/>
        public override string ToString() => GetType().Name;
    }

    /// <summary>No reason was given.</summary>
    public sealed class UnknownReason : Reason
    {
        private UnknownReason()
        {
        }

        /// <summary>The single instance.</summary>
        public static UnknownReason Instance { get; } = new();
    }

    /// <summary><see cref="ActorSystem.Terminate"/> was called.</summary>
    public sealed class ActorSystemTerminateReason : Reason
    {
        private ActorSystemTerminateReason()
        {
        }

        /// <summary>The single instance.</summary>
        public static ActorSystemTerminateReason Instance { get; } = new();
    }

    /// <summary>The process is exiting.</summary>
    public sealed class ClrExitReason : Reason
    {
        private ClrExitReason()
        {
        }

        /// <summary>The single instance.</summary>
        public static ClrExitReason Instance { get; } = new();
    }

    /// <summary>The hosting application is stopping.</summary>
    public sealed class HostStopReason : Reason
    {
        private HostStopReason()
        {
        }

        /// <summary>The single instance.</summary>
        public static HostStopReason Instance { get; } = new();
    }
}
