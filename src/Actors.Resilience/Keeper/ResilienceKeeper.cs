namespace Actors.Resilience.Keeper;

/// <summary>
/// The actor at <c>/system/resilience-keeper</c>: it watches the health aggregator, the error journal and the memory
/// guard (top-level actors under <c>/user</c>) and recreates any of them that stops or dies outside a shutdown, so
/// <c>GET /health</c> never serves numbers frozen by an operator's <c>actor stop</c>. Akka's user guardian restarts a
/// top-level actor that throws, but one that was stopped is gone: that is the case this actor covers.
/// </summary>
/// <remarks>
/// Akka frees a child's name when the parent (the user guardian) processes the child's death, which may come after
/// this actor hears of it; a name still taken is retried on the next turn, a bounded number of times, then after
/// <see cref="RetryDelay"/> on the scheduler.
/// </remarks>
internal sealed class ResilienceKeeper : ReceiveActor, IWithTimers
{
    private const int ImmediateRetries = 1000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly IReadOnlyList<KeptActor> _kept;
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);

    public ResilienceKeeper(IReadOnlyList<KeptActor> kept)
    {
        _kept = kept;
        Receive<Terminated>(t =>
        {
            foreach (KeptActor k in _kept)
            {
                if (k.Current.Equals(t.ActorRef))
                {
                    Recreate(k);
                }
            }
        });
        Receive<RecreateTick>(r =>
        {
            foreach (KeptActor k in _kept)
            {
                if (k.Name == r.Name)
                {
                    Recreate(k);
                }
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IReadOnlyList<KeptActor> kept) => Akka.Actor.Props.Create(() => new ResilienceKeeper(kept));

    protected override void PreStart()
    {
        foreach (KeptActor k in _kept)
        {
            Context.Watch(k.Current);
        }
    }

    private void Recreate(KeptActor kept)
    {
        if (CoordinatedShutdown.Get(Context.System).ShutdownReason is not null || Context.System.WhenTerminated.IsCompleted)
        {
            return;
        }

        try
        {
            // Intentionally a top-level actor: the kept actors live at /user/<name>, not under the keeper.
#pragma warning disable AK1008
            IActorRef created = Context.System.ActorOf(kept.Props, kept.Name);
#pragma warning restore AK1008
            _attempts.Remove(kept.Name);
            kept.Current = created;
            kept.Recreations++;
            Context.Watch(created);
            Context.GetLogger().Warning("/user/{0} stopped; the resilience keeper recreated it ({1} time(s) so far)", kept.Name, kept.Recreations);
        }
        catch (InvalidActorNameException)
        {
            // The user guardian has not yet released the name.
            int attempts = _attempts.GetValueOrDefault(kept.Name) + 1;
            _attempts[kept.Name] = attempts;
            if (attempts < ImmediateRetries)
            {
                Self.Tell(new RecreateTick(kept.Name));
            }
            else
            {
                Timers.StartSingleTimer(kept.Name, new RecreateTick(kept.Name), RetryDelay);
            }
        }
    }

    private sealed record RecreateTick(string Name);
}
