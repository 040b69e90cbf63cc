using Actors.Tests.Support;

namespace Actors.Tests.Dispatch;

/// <summary>Forwards "go" to a target, then blocks its turn on a gate.</summary>
internal sealed class SendThenBlock : ReceiveActor
{
    public SendThenBlock(IActorRef target, Gate gate) => Receive<string>(_ =>
    {
        target.Tell("from a blocked sender");
        gate.Wait();
    });
}

/// <summary>Passes a counter along a ring of actors until it reaches zero, then reports to the probe.</summary>
internal sealed class RingMember : ReceiveActor
{
    private IActorRef? _next;

    public RingMember(IActorRef probe)
    {
        Receive<IActorRef>(next => _next = next);
        Receive<int>(n =>
        {
            if (n == 0)
            {
                probe.Tell("done");
            }
            else
            {
                _next!.Tell(n - 1);
            }
        });
    }
}

/// <summary>Sends one message to each of its targets in a single turn.</summary>
internal sealed class FanOut : ReceiveActor
{
    public FanOut(IReadOnlyList<IActorRef> targets) => Receive<string>(m =>
    {
        foreach (IActorRef target in targets)
        {
            target.Tell(m);
        }
    });
}

public sealed class DispatcherTests : TestKit.TestKit
{
    [Fact]
    public void SendFromTurn_ThatThenBlocks_ReceiverStillRunsOnAnotherWorker()
    {
        // The woken receiver sits in the blocked worker's next slot; the rescuer must hand it to the pool.
        using var gate = new Gate();
        var sender = Sys.ActorOf(Props.Create(() => new SendThenBlock(TestActor, gate)));
        sender.Tell("go");
        ExpectMsg("from a blocked sender");
        gate.Open();
    }

    [Fact]
    public void ReplyChain_LongerThanOneChain_CompletesInOrder()
    {
        // 10,000 hops through a ring of 3: many times the chain limit, so chains are cut and resumed from the pool.
        var members = Enumerable.Range(0, 3).Select(_ => Sys.ActorOf(Props.Create(() => new RingMember(TestActor)))).ToArray();
        for (int i = 0; i < members.Length; i++)
        {
            members[i].Tell(members[(i + 1) % members.Length]);
        }

        members[0].Tell(10_000);
        ExpectMsg("done");
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void FanOutFromOneTurn_EveryTargetRunsOnce()
    {
        // Each send displaces the previous occupant of the next slot into the pool: none may be lost or run twice.
        var probe = CreateTestProbe();
        var targets = Enumerable.Range(0, 200).Select(i => Sys.ActorOf(Props.Create(() => new Echo(probe, i)))).ToArray();
        var fanOut = Sys.ActorOf(Props.Create(() => new FanOut(targets)));
        fanOut.Tell("ping");
        var seen = probe.ReceiveN(200).Cast<int>().OrderBy(i => i).ToArray();
        Assert.Equal(Enumerable.Range(0, 200), seen);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    /// <summary>Replies with its index.</summary>
    private sealed class Echo : ReceiveActor
    {
        public Echo(IActorRef probe, int index) => ReceiveAny(_ => probe.Tell(index));
    }
}
