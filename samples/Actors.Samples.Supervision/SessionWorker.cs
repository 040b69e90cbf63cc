namespace Actors.Samples.Supervision;

/// <summary>
/// A session socket worker: "connects" to its upstream, then delivers messages. The upstream refuses every third
/// connect attempt, and the worker simply throws: its supervisor heals it.
/// </summary>
internal sealed class SessionWorker : ReceiveActor
{
    private static int s_incarnations;
    private readonly int _incarnation;

    public sealed record Deliver(int Seq, IActorRef ReplyTo);

    public sealed record Delivered(int Seq, int Incarnation);

    private readonly IActorRef _reporter;

    public SessionWorker(IActorRef reporter)
    {
        _reporter = reporter;
        _incarnation = Interlocked.Increment(ref s_incarnations);
        Receive<Deliver>(d =>
        {
            if (d.Seq % 3 == 0 && !_retried.Contains(d.Seq))
            {
                _retried.Add(d.Seq);
                throw new UpstreamRefusedException($"upstream refused connection while sending message #{d.Seq}");
            }

            reporter.Tell($"  worker #{_incarnation} delivered message #{d.Seq}");
            d.ReplyTo.Tell(new Delivered(d.Seq, _incarnation));
        });
    }

    // Shared across incarnations so a retried message succeeds the second time (as a recovered upstream would).
    private static readonly HashSet<int> _retried = new();

    protected override void PreStart()
    {
        _reporter.Tell(_incarnation == 1 ? "  worker #1 started, connected to upstream" : $"  worker #{_incarnation} started: the session is healed, retrying the failed message");
        Context.Parent.Tell(new Started(_incarnation));
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // The message that failed is handed back to the supervisor, which resends it after the restart.
        if (message is Deliver d)
        {
            Context.Parent.Tell(new Retry(d));
        }

        base.PreRestart(reason, message);
    }

    public sealed record Started(int Incarnation);

    public sealed record Retry(Deliver Message);
}
