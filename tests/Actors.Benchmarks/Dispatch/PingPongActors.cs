using Actors.Benchmarks.Support;

namespace Actors.Benchmarks.Dispatch;

/// <summary>The ball bounced between the two actors of a pair; one shared instance, so no allocation per message.</summary>
internal sealed class Ball
{
    public static readonly Ball Instance = new();
}

/// <summary>Starts one round: the pinger puts <see cref="InFlight"/> balls in play and stops after <see cref="Budget"/> replies.</summary>
internal sealed record PingRound(int Budget, int InFlight, IActorRef Ponger, PingPongRound Round);

/// <summary>Counts finished pairs; the last one sets the event.</summary>
internal sealed class PingPongRound(int pairs)
{
    private int _remaining = pairs;

    public ManualResetEventSlim Done { get; } = new(false);

    public void PairDone()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Done.Set();
        }
    }
}

/// <summary>Sends a ball back to whoever sent it.</summary>
internal sealed class Ponger : ReceiveActor
{
    public Ponger() => Receive<Ball>(ball => Sender.Tell(ball, Self));
}

/// <summary>
/// Keeps <c>InFlight</c> balls bouncing with its ponger until it has received <c>Budget</c> replies: every send
/// produces exactly one reply, so a round is <c>2 x Budget</c> messages.
/// </summary>
internal sealed class Pinger : ReceiveActor
{
    private int _received;
    private int _sent;
    private PingRound? _round;

    public Pinger()
    {
        Receive<PingRound>(round =>
        {
            _round = round;
            _received = 0;
            _sent = round.InFlight;
            for (int i = 0; i < round.InFlight; i++)
            {
                round.Ponger.Tell(Ball.Instance, Self);
            }
        });
        Receive<Ball>(ball =>
        {
            PingRound round = _round!;
            if (++_received == round.Budget)
            {
                round.Round.PairDone();
            }
            else if (_sent < round.Budget)
            {
                _sent++;
                Sender.Tell(ball, Self);
            }
        });
    }
}

/// <summary>N pinger/ponger pairs in one actor system; <see cref="Run"/> plays one round and returns the messages exchanged.</summary>
internal sealed class ActorPingPong : IDisposable
{
    private readonly ActorSystem _system;
    private readonly (IActorRef Pinger, IActorRef Ponger)[] _pairs;

    public ActorPingPong(int pairs)
    {
        _system = BenchSystem.Create("pingpong");
        _pairs = new (IActorRef, IActorRef)[pairs];
        for (int i = 0; i < pairs; i++)
        {
            _pairs[i] = (_system.ActorOf(Props.Create<Pinger>()), _system.ActorOf(Props.Create<Ponger>()));
        }
    }

    /// <summary>Plays one round of <paramref name="budgetPerPair"/> round trips per pair; returns the messages sent.</summary>
    public long Run(int budgetPerPair, int inFlight)
    {
        var round = new PingPongRound(_pairs.Length);
        foreach ((IActorRef pinger, IActorRef ponger) in _pairs)
        {
            pinger.Tell(new PingRound(budgetPerPair, inFlight, ponger, round), null);
        }

        BenchSystem.Await(round.Done, "actor ping-pong");
        round.Done.Dispose();
        return 2L * budgetPerPair * _pairs.Length;
    }

    public void Dispose() => BenchSystem.Shutdown(_system);
}
