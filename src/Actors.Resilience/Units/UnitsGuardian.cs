namespace Actors.Resilience.Units;

/// <summary>
/// The actor at <c>/user/units</c>: the parent of one <see cref="UnitRegion"/> per kind. It creates the configured
/// kinds at start and more on <see cref="RegisterUnitKind"/>, hands <see cref="UnitMessage"/>s to their region, and
/// fans bulk requests (the memory guard's, and <see cref="ListUnitInstances"/>) out to every region (each region
/// answers the original sender).
/// </summary>
internal sealed class UnitsGuardian : UntypedActor
{
    private readonly Dictionary<string, UnitRoutes> _regions = new(StringComparer.Ordinal);

    private readonly IEnumerable<UnitKindOptions> _kinds;
    private readonly UnitRegionDirectory _directory;
    private readonly Metrics.ResilienceMetrics _metrics;

    public UnitsGuardian(IEnumerable<UnitKindOptions> kinds, UnitRegionDirectory directory, Metrics.ResilienceMetrics metrics)
    {
        _metrics = metrics;
        _kinds = kinds;
        _directory = directory;
    }

    public static Props Props(IReadOnlyList<UnitKindOptions> kinds, UnitRegionDirectory directory, Metrics.ResilienceMetrics metrics) => Akka.Actor.Props.Create(() => new UnitsGuardian(kinds, directory, metrics));

    /// <summary>
    /// A region that throws resumes: restarting it would stop every instance of the kind with their buffers for one
    /// bad message. The failure is published, so it shows in the journal and the aggregator.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new Supervision.PublishingOneForOneStrategy(static _ => Directive.Resume);

    protected override void PreStart()
    {
        foreach (UnitKindOptions kind in _kinds)
        {
            Register(kind);
        }
    }

    /// <summary>A switch rather than ReceiveActor handlers: every unit message passes here, forwarded as it came.</summary>
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case UnitMessage { Kind: null }:
                Sender.Tell(new Status.Failure(new ArgumentException("A UnitMessage needs a unit kind (Kind is null).")));
                break;
            case UnitMessage m:
                if (_regions.TryGetValue(m.Kind, out UnitRoutes? target))
                {
                    Send(target, m, Sender);
                }
                else
                {
                    Sender.Tell(new UnknownUnitKind(m.Kind));
                }

                break;
            case RegisterUnitKind r:
                Sender.Tell(new UnitRegionRef(r.Options.Kind, Register(r.Options)));
                break;
            case GetUnitRegion q:
                Sender.Tell(new UnitRegionRef(q.Kind, _regions.GetValueOrDefault(q.Kind)?.Region));
                break;
            case GetUnitRegions:
                Sender.Tell(new UnitRegions(
                    _regions.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new UnitRegionRef(r.Key, r.Value.Region)).ToArray()));
                break;
            case StopNonCriticalUnits:
                // Closed until each region has stopped its instances: a message sent after the emergency (through
                // here) queues behind it in the region instead of reaching a worker about to stop.
                foreach (UnitRoutes routes in _regions.Values)
                {
                    routes.Hold();
                }

                Broadcast(HeldStop.Instance); // each region releases its hold once it has stopped its instances
                break;
            case ListUnitInstances or PassivateIdleUnits:
                Broadcast(message);
                break;
            case Terminated t:
                foreach (var (kind, stopped) in _regions)
                {
                    if (stopped.Region.Equals(t.ActorRef))
                    {
                        _regions.Remove(kind);
                        _directory.Remove(kind);
                        break;
                    }
                }

                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private IActorRef Register(UnitKindOptions options)
    {
        if (_regions.TryGetValue(options.Kind, out UnitRoutes? existing))
        {
            return existing.Region;
        }

        options.Validate();
        var routes = new UnitRoutes();
        IActorRef region = Context.Watch(Context.ActorOf(UnitRegion.Props(options, _metrics.Buffered(options.Kind), routes), options.Kind));
        routes.Region = region;
        _regions[options.Kind] = routes;
        _directory.Set(options.Kind, routes);
        return region;
    }

    private void Broadcast(object message)
    {
        foreach (UnitRoutes routes in _regions.Values)
        {
            routes.Region.Tell(message, Sender);
        }
    }

    /// <summary>
    /// Sends a unit message the way <see cref="ResilienceRuntime.Tell"/> does: through the kind's routes, or, when its id
    /// or message is missing, to the region, which refuses it with a typed failure.
    /// </summary>
    internal static void Send(UnitRoutes routes, UnitMessage message, IActorRef? sender)
    {
        if (string.IsNullOrEmpty(message.Id) || message.Message is null)
        {
            routes.Region.Tell(message, sender);
        }
        else
        {
            routes.Send(message, sender);
        }
    }
}
