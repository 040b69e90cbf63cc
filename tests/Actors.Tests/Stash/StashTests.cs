namespace Actors.Tests.Stash;

public sealed class StashTests : TestKit.TestKit
{
    /// <summary>Stashes strings until "open"; "one" unstashes a single message; "boom" fails.</summary>
    private sealed class Stasher : ReceiveActor, IWithUnboundedStash
    {
        public Stasher(IActorRef probe)
        {
            Receive<string>(s => s == "open", _ =>
            {
                probe.Tell("opened");
                Stash.UnstashAll();
                Become(() => Receive<string>(m => probe.Tell(m)));
            });
            Receive<string>(s => s == "one", _ => Stash.Unstash());
            Receive<string>(s => s == "count", _ => probe.Tell(Stash.Count));
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => s == "twice", _ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (IllegalActorStateException)
                {
                    probe.Tell("refused second stash");
                }
            });
            Receive<string>(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    private IActorRef Spawn(IActorRef probe) => Sys.ActorOf(Props.Create(() => new Stasher(probe)), "stasher");

    [Fact]
    public void UnstashAll_DeliversStashedInOrderBeforeLaterMessages()
    {
        var actor = Spawn(TestActor);
        actor.Tell("1");
        actor.Tell("2");
        actor.Tell("3");
        actor.Tell("open");
        actor.Tell("4");

        ExpectMsg("opened");
        ExpectMsg("1");
        ExpectMsg("2");
        ExpectMsg("3");
        ExpectMsg("4");
    }

    [Fact]
    public void Unstash_PutsBackOnlyOldest()
    {
        var actor = Spawn(TestActor);
        actor.Tell("1");
        actor.Tell("2");
        actor.Tell("one");  // "1" comes back and is stashed again, behind "2"
        actor.Tell("count");
        ExpectMsg(2);
        actor.Tell("open");

        ExpectMsg("opened");
        ExpectMsg("2");
        ExpectMsg("1");
    }

    [Fact]
    public void Stash_SameMessageTwice_Throws()
    {
        var actor = Spawn(TestActor);
        actor.Tell("twice");
        ExpectMsg("refused second stash");
        actor.Tell("count");
        ExpectMsg(1);
    }

    [Fact]
    public void Stash_Restart_StashedMessagesSurvive()
    {
        var actor = Spawn(TestActor);
        actor.Tell("1");
        actor.Tell("2");
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("boom"));

        // The stash was put back in the mailbox; the fresh instance stashed the messages again.
        actor.Tell("count");
        ExpectMsg(2);
        actor.Tell("open");
        ExpectMsg("opened");
        ExpectMsg("1");
        ExpectMsg("2");
    }

    [Fact]
    public void Stash_Stop_StashedMessagesGoToDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters);
        var actor = Spawn(TestActor);
        actor.Tell("1", TestActor);
        actor.Tell("2", TestActor);
        actor.Tell("count");
        ExpectMsg(2);

        Sys.Stop(actor);

        var first = deadLetters.ExpectMsg<DeadLetter>();
        var second = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal(["1", "2"], new[] { first.Message, second.Message });
        Assert.Equal(actor, first.Recipient);
        Assert.Equal(TestActor, first.Sender);
        deadLetters.ExpectNoMsg();
    }

    [Fact]
    public void Stash_Stop_DeadLettersAreCountedByFilter()
    {
        var actor = Spawn(TestActor);
        actor.Tell("1");
        actor.Tell("2");
        actor.Tell("3");
        EventFilter.DeadLetter<string>().Expect(3, () => Sys.Stop(actor));
    }
}
