namespace Actors.Resilience.Units;

/// <summary>
/// The actor at <c>/user/units</c>: the parent of one <see cref="UnitRegion"/> per kind. It creates the configured
/// kinds at start and more on <see cref="RegisterUnitKind"/>, hands <see cref="UnitMessage"/>s to their region, and
/// fans bulk requests (the memory guard's, and <see cref="ListUnitInstances"/>) out to every region (each region
/// answers the original sender).
/// </summary>
internal sealed class UnitsGuardian : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _regions = new(StringComparer.Ordinal);

    public UnitsGuardian(IEnumerable<UnitKindOptions> kinds)
    {
        foreach (UnitKindOptions kind in kinds)
        {
            Register(kind);
        }

        Receive<RegisterUnitKind>(r => Sender.Tell(new UnitRegionRef(r.Options.Kind, Register(r.Options))));
        Receive<GetUnitRegion>(q => Sender.Tell(new UnitRegionRef(q.Kind, _regions.GetValueOrDefault(q.Kind))));
        Receive<GetUnitRegions>(_ => Sender.Tell(new UnitRegions(
            _regions.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new UnitRegionRef(r.Key, r.Value)).ToArray())));
        Receive<UnitMessage>(m =>
        {
            if (_regions.TryGetValue(m.Kind, out IActorRef? region))
            {
                region.Tell(new UnitEnvelope(m.Id, m.Message), Sender);
            }
            else
            {
                Sender.Tell(new UnknownUnitKind(m.Kind));
            }
        });
        Receive<ListUnitInstances>(Broadcast);
        Receive<PassivateIdleUnits>(Broadcast);
        Receive<StopNonCriticalUnits>(Broadcast);
        Receive<Terminated>(t =>
        {
            foreach (var (kind, region) in _regions)
            {
                if (region.Equals(t.ActorRef))
                {
                    _regions.Remove(kind);
                    break;
                }
            }
        });
    }

    public static Props Props(IReadOnlyList<UnitKindOptions> kinds) => Akka.Actor.Props.Create(() => new UnitsGuardian(kinds));

    private IActorRef Register(UnitKindOptions options)
    {
        if (_regions.TryGetValue(options.Kind, out IActorRef? existing))
        {
            return existing;
        }

        options.Validate();
        IActorRef region = Context.Watch(Context.ActorOf(UnitRegion.Props(options), options.Kind));
        _regions[options.Kind] = region;
        return region;
    }

    private void Broadcast(object message)
    {
        foreach (IActorRef region in _regions.Values)
        {
            region.Tell(message, Sender);
        }
    }
}
