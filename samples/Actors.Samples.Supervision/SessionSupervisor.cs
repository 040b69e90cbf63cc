namespace Actors.Samples.Supervision;

/// <summary>Owns the session worker and restarts it when it crashes: at most 10 restarts a minute.</summary>
internal sealed class SessionSupervisor : ReceiveActor
{
    private readonly IActorRef _reporter;
    private readonly TaskCompletionSource<Report> _done;
    private IActorRef _worker = ActorRefs.Nobody;
    private int _expected;
    private int _delivered;
    private int _restarts = -1;
    private int _incarnation;

    public sealed record Start(int Messages);

    public SessionSupervisor(IActorRef reporter, TaskCompletionSource<Report> done)
    {
        _reporter = reporter;
        _done = done;
        Receive<Start>(s =>
        {
            _expected = s.Messages;
            _worker.Tell(new SessionWorker.Deliver(1, Self));
        });
        Receive<SessionWorker.Started>(s =>
        {
            _restarts++;
            _incarnation = s.Incarnation;
        });
        Receive<SessionWorker.Retry>(r => _worker.Tell(r.Message));
        Receive<SessionWorker.Delivered>(d =>
        {
            if (++_delivered == _expected)
            {
                _done.TrySetResult(new Report(_delivered, _restarts, _incarnation));
            }
            else
            {
                // One message in flight at a time, as a session socket would send them.
                _worker.Tell(new SessionWorker.Deliver(d.Seq + 1, Self));
            }
        });
    }

    protected override void PreStart() => _worker = Context.ActorOf(Props.Create(() => new SessionWorker(_reporter)), "worker");

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(
            maxNrOfRetries: 10,
            withinTimeRange: TimeSpan.FromMinutes(1),
            decider: e => e is UpstreamRefusedException ? Directive.Restart : Directive.Stop,
            loggingEnabled: false);
}
