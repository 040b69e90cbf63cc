using Actors.Tests.Support;

namespace Actors.Tests.Dispatch;

/// <summary>An actor that holds its mailbox turn on a gate for "block" and reports everything else.</summary>
internal sealed class Blocker : ReceiveActor
{
    public Blocker(IActorRef probe, Gate gate)
    {
        Receive<string>(s => s == "block", _ =>
        {
            probe.Tell("blocked");
            gate.Wait();
        });
        ReceiveAny(m => probe.Tell(m));
    }
}

public sealed class MailboxTests : TestKit.TestKit
{
    [Fact]
    public void SystemMessages_StopQueuedBehindUserMessages_ProcessedFirst()
    {
        using var gate = new Gate();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters);
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(TestActor, gate)));
        Watch(actor);
        actor.Tell("block");
        ExpectMsg("blocked");
        for (int i = 0; i < 10; i++)
        {
            actor.Tell(i);
        }

        // Stop is a system message: it overtakes the ten user messages already queued.
        Sys.Stop(actor);
        var cell = ((LocalActorRef)actor).Cell;
        Spin.Until(() => cell.Mailbox.HasSystemMessages, "the Terminate system message is queued");
        gate.Open();

        ExpectTerminated(actor);
        var dead = Enumerable.Range(0, 10).Select(_ => deadLetters.ExpectMsg<DeadLetter>().Message).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Cast<object>(), dead);
        ExpectNoMsg();
    }

    [Fact]
    public void PoisonPill_IsOrderedLikeUserMessages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(TestActor, new Gate())));
        Watch(actor);
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(PoisonPill.Instance);
        actor.Tell(3);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectTerminated(actor);
        ExpectNoMsg();
    }

    [Fact]
    public void Mailbox_ManyMessagesAcrossTurns_DeliveredInOrder()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(TestActor, new Gate())));
        const int Count = 500;   // more than the throughput of one turn
        for (int i = 0; i < Count; i++)
        {
            actor.Tell(i);
        }

        for (int i = 0; i < Count; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void Mailbox_ConcurrentSenders_EachSendersOrderKept()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(TestActor, new Gate())));
        const int PerSender = 200;
        Parallel.For(0, 4, s =>
        {
            for (int i = 0; i < PerSender; i++)
            {
                actor.Tell((s, i));
            }
        });

        var next = new int[4];
        for (int n = 0; n < 4 * PerSender; n++)
        {
            var (s, i) = ExpectMsg<(int, int)>();
            Assert.Equal(next[s]++, i);
        }
    }
}

public sealed class BoundedMailboxTests : TestKit.TestKit
{
    public BoundedMailboxTests()
        : base(CreateOptions())
    {
    }

    private static ActorSystemOptions CreateOptions()
    {
        var options = new ActorSystemOptions();
        options.Mailboxes["small"] = 2;
        return options;
    }

    [Fact]
    public void BoundedMailbox_Overflow_GoesToDeadLettersWithoutBlockingSender()
    {
        using var gate = new Gate();
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(TestActor, gate)).WithMailbox("small"));
        actor.Tell("block");
        ExpectMsg("blocked");

        EventFilter.DeadLetter<int>().Expect(3, () =>
        {
            for (int i = 1; i <= 5; i++)
            {
                actor.Tell(i);   // returns at once: 1 and 2 fit, 3..5 overflow
            }

            gate.Open();
        });

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectNoMsg();
    }

    [Fact]
    public void BoundedMailbox_AfterDraining_AcceptsAgain()
    {
        using var gate = new Gate();
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(TestActor, gate)).WithMailbox("small"));
        actor.Tell("block");
        ExpectMsg("blocked");
        actor.Tell(1);
        actor.Tell(2);
        gate.Open();
        ExpectMsg(1);
        ExpectMsg(2);

        EventFilter.DeadLetter().Expect(0, () =>
        {
            actor.Tell(3);
            actor.Tell(4);
        });
        ExpectMsg(3);
        ExpectMsg(4);
    }

    [Fact]
    public void BoundedMailboxId_DefaultCapacity_IsOneThousand()
    {
        Assert.Equal(1000, Sys.Settings.Mailboxes[Mailboxes.BoundedMailboxId]);
        Assert.Equal(0, Sys.Settings.Mailboxes[Mailboxes.DefaultMailboxId]);
    }

    [Fact]
    public void BoundedMailboxId_Overflow_DeadLettersBeyondThousand()
    {
        using var gate = new Gate();
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(TestActor, gate)).WithMailbox(Mailboxes.BoundedMailboxId));
        actor.Tell("block");
        ExpectMsg("blocked");

        EventFilter.DeadLetter<int>().Expect(5, () =>
        {
            for (int i = 0; i < 1005; i++)
            {
                actor.Tell(i);
            }

            gate.Open();
        });

        var received = ReceiveN(1000);
        Assert.Equal(Enumerable.Range(0, 1000).Cast<object>(), received);
    }

    [Fact]
    public void ActorOf_UnknownMailbox_Throws()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new Blocker(TestActor, new Gate())).WithMailbox("nope")));
    }
}

public sealed class ThroughputTests : TestKit.TestKit
{
    public ThroughputTests()
        : base(new ActorSystemOptions { Throughput = 1 })
    {
    }

    [Fact]
    public void ThroughputOne_ManyMessages_AllDeliveredInOrder()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(TestActor, new Gate())));
        for (int i = 0; i < 100; i++)
        {
            actor.Tell(i);
        }

        for (int i = 0; i < 100; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void Throughput_Default_IsThirty()
    {
        Assert.Equal(30, new ActorSystemOptions().Throughput);
    }
}
