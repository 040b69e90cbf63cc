using Actors.Resilience.Errors;
using Actors.Resilience.Health;
using Actors.Resilience.Keeper;
using Actors.Resilience.Memory;
using Actors.Resilience.Metrics;
using Actors.Resilience.Units;

namespace Actors.Resilience;

/// <summary>
/// The resilience actors of one node, started together: <c>/user/units</c> (a region per unit kind),
/// <c>/user/health</c> (the aggregator), <c>/user/errors</c> (the error journal) and <c>/user/memory</c> (the memory
/// guard), and <c>/system/resilience-keeper</c>, which recreates the last three if they are stopped. The operation classes (<see cref="Operations.HealthOperations"/> and the others) are built over it.
/// </summary>
public sealed class ResilienceRuntime
{
    private readonly KeptActor _health;
    private readonly KeptActor _errors;
    private readonly KeptActor _memory;

    private readonly UnitRegionDirectory _regions;

    private ResilienceRuntime(ActorSystem system, ResilienceOptions options, IActorRef units, UnitRegionDirectory regions, KeptActor health, KeptActor errors, KeptActor memory, HealthSnapshotSource source, ResilienceMetrics metrics, ErrorEntrySource errorSource)
    {
        Metrics = metrics;
        _regions = regions;
        System = system;
        Options = options;
        Units = units;
        _health = health;
        _errors = errors;
        _memory = memory;
        HealthSource = source;
        ErrorSource = errorSource;
    }

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The options it was started with.</summary>
    public ResilienceOptions Options { get; }

    /// <summary><c>/user/units</c>: accepts <see cref="UnitMessage"/>, <see cref="RegisterUnitKind"/> and <see cref="GetUnitRegion"/>.</summary>
    public IActorRef Units { get; }

    /// <summary><c>/user/health</c>: answers <see cref="GetHealthSnapshot"/>.</summary>
    /// <remarks>The current incarnation: if the aggregator is stopped, the resilience keeper recreates it and this changes.</remarks>
    public IActorRef Health => _health.Current;

    /// <summary><c>/user/errors</c>: answers <see cref="GetRecentErrors"/> and <see cref="GetErrorStats"/>.</summary>
    /// <remarks>The current incarnation (see <see cref="Health"/>).</remarks>
    public IActorRef Errors => _errors.Current;

    /// <summary><c>/user/memory</c>: answers <see cref="GetMemoryStatus"/>, <see cref="RunMemoryCleanup"/> and <see cref="RunMemoryEmergency"/>.</summary>
    /// <remarks>The current incarnation (see <see cref="Health"/>).</remarks>
    public IActorRef Memory => _memory.Current;

    /// <summary>What this runtime records into <see cref="ResilienceMeter"/> (its system's share of the gauges).</summary>
    internal ResilienceMetrics Metrics { get; }

    /// <summary>The aggregator's latest published snapshot, readable from any thread without blocking.</summary>
    public HealthSnapshotSource HealthSource { get; }

    /// <summary>Where the error journal announces each failure it records, for watchers (<c>GET /admin/errors/watch</c>).</summary>
    public ErrorEntrySource ErrorSource { get; }

    /// <summary>Validates <paramref name="options"/> and starts the four actors under <c>/user</c>.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="options">The settings; defaults when <see langword="null"/>.</param>
    /// <returns>The running actors.</returns>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="InvalidOperationException">The system already runs a resilience runtime.</exception>
    public static ResilienceRuntime Start(ActorSystem system, ResilienceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= new ResilienceOptions();
        options.Validate();
        ResilienceExtension extension = system.WithExtension<ResilienceExtension>(typeof(ResilienceExtensionId));
        if (extension.Runtime is not null)
        {
            throw new InvalidOperationException($"The actor system '{system.Name}' already runs a resilience runtime; call ResilienceRuntime.Get(system) to reach it.");
        }

        system.Settings.InjectTopLevelFallback(WorkerMailbox.Declaration);
        system.Settings.InjectTopLevelFallback(ObserversDispatcher.Declaration);
        var source = new HealthSnapshotSource();
        var errorSource = new ErrorEntrySource();
        KeptActor errors = Keep(system, "errors", ErrorJournal.Props(options.Errors, errorSource).WithDispatcher(ObserversDispatcher.Id), ErrorJournal.Events);
        KeptActor health = Keep(system, "health", HealthAggregator.Props(options.Health, source).WithDispatcher(ObserversDispatcher.Id), HealthAggregator.Events);
        ResilienceMetrics metrics = StartMetrics(system);
        var directory = new UnitRegionDirectory();
        IActorRef units = system.ActorOf(UnitsGuardian.Props(options.Kinds.ToArray(), directory, metrics), UnitAddress.UnitsName);
        KeptActor memory = Keep(system, "memory", MemoryGuard.Props(options.Memory, units), []);
        var runtime = new ResilienceRuntime(system, options, units, directory, health, errors, memory, source, metrics, errorSource);
        extension.TrySet(runtime);
        ((ExtendedActorSystem)system).SystemActorOf(ResilienceKeeper.Props([health, errors, memory]), "resilience-keeper");
        return runtime;
    }

    /// <summary>The resilience runtime started on <paramref name="system"/>, or <see langword="null"/> when none was.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The runtime, or <see langword="null"/>.</returns>
    public static ResilienceRuntime? Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<ResilienceExtension>(typeof(ResilienceExtensionId)).Runtime;
    }

    /// <summary>
    /// Starts the metrics recorder, subscribed before any unit exists, and lets the gauges read this system until it
    /// terminates.
    /// </summary>
    private static ResilienceMetrics StartMetrics(ActorSystem system)
    {
        var metrics = new ResilienceMetrics(system.Name, () => system.WhenTerminated.IsCompleted);
        IActorRef recorder = ((ExtendedActorSystem)system).SystemActorOf(ResilienceMetricsRecorder.Props(metrics).WithDispatcher(ObserversDispatcher.Id), "resilience-metrics");
        foreach (Type type in ResilienceMetricsRecorder.Events)
        {
            system.EventStream.Subscribe(recorder, type);
        }

        ResilienceMeter.Track(metrics);
        system.WhenTerminated.ContinueWith(_ => ResilienceMeter.Untrack(metrics), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return metrics;
    }

    /// <summary>
    /// Creates a kept actor and subscribes it to its events now, not in its PreStart: failures published between
    /// <see cref="Start"/> returning and the actor's start would otherwise be missed (it subscribes again when
    /// recreated; a second subscription is a no-op).
    /// </summary>
    private static KeptActor Keep(ActorSystem system, string name, Props props, Type[] events)
    {
        IActorRef actor = system.ActorOf(props, name);
        foreach (Type type in events)
        {
            system.EventStream.Subscribe(actor, type);
        }

        return new KeptActor(name, props, actor);
    }

    /// <summary>
    /// Sends <paramref name="message"/> to its unit instance without the hop through <see cref="Units"/>: straight into
    /// the running worker's mailbox while the instance lets it, else through the kind's region (see
    /// <see cref="UnitRoute"/>). A kind the runtime does not know yet goes through <see cref="Units"/>, which answers
    /// <see cref="UnknownUnitKind"/> if it has no such kind. The reply goes to <paramref name="sender"/>. Messages from
    /// one sender keep their order when they all take this path (or all go through <see cref="Units"/>, or all are
    /// <see cref="UnitEnvelope"/>s to the region); mixing the paths does not.
    /// </summary>
    /// <param name="message">The message and its unit.</param>
    /// <param name="sender">Who gets the reply; <see cref="ActorRefs.NoSender"/> for none.</param>
    public void Tell(UnitMessage message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A null kind goes the long way, where it is refused with a typed failure.
        if (message.Kind is not null && _regions.TryGet(message.Kind, out UnitRoutes routes))
        {
            UnitsGuardian.Send(routes, message, sender ?? ActorRefs.NoSender);
        }
        else
        {
            Units.Tell(message, sender ?? ActorRefs.NoSender);
        }
    }

    /// <summary>The routes of <paramref name="kind"/>, or <see langword="null"/> when it has no region.</summary>
    internal UnitRoutes? RoutesOf(string kind) => _regions.TryGet(kind, out UnitRoutes routes) ? routes : null;

    /// <summary>Adds a unit kind at run time (an existing kind keeps its region).</summary>
    /// <param name="kind">The kind's settings.</param>
    /// <returns>The kind's region.</returns>
    public async Task<IActorRef> RegisterUnitKindAsync(UnitKindOptions kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        kind.Validate();
        UnitRegionRef answer = await Units.Ask<UnitRegionRef>(new RegisterUnitKind(kind), Options.OperationTimeout).ConfigureAwait(false);
        return answer.Region!;
    }

    /// <summary>The region of <paramref name="kind"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="kind">The unit kind.</param>
    /// <returns>The region.</returns>
    public async Task<IActorRef?> GetRegionAsync(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        UnitRegionRef answer = await Units.Ask<UnitRegionRef>(new GetUnitRegion(kind), Options.OperationTimeout).ConfigureAwait(false);
        return answer.Region;
    }
}
