using Actors.Tests.Support;

namespace Actors.Tests.Cell;

public sealed class DeathWatchTests : TestKit.TestKit
{
    private sealed record WatchIt(IActorRef Target, object? Custom = null);

    private sealed record UnwatchIt(IActorRef Target);

    /// <summary>
    /// What the watcher received. Terminated itself cannot be forwarded: like in Akka, a Terminated an actor did not
    /// ask for (it does not watch the subject) is dropped by the kernel.
    /// </summary>
    private sealed record Got(object Message);

    /// <summary>Watches on request and reports everything it receives (including Terminated) to the probe.</summary>
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe, Gate? gate = null)
        {
            Receive<WatchIt>(w =>
            {
                if (w.Custom is null)
                {
                    Context.Watch(w.Target);
                }
                else
                {
                    Context.WatchWith(w.Target, w.Custom);
                }

                Sender.Tell("watching");
            });
            Receive<UnwatchIt>(u =>
            {
                Context.Unwatch(u.Target);
                probe.Tell("unwatched");
            });
            Receive<string>(s => s == "block", _ =>
            {
                probe.Tell("blocked");
                gate!.Wait();
            });
            ReceiveAny(m => probe.Tell(new Got(m)));
        }
    }

    /// <summary>Watches but handles nothing: an unhandled Terminated is a death pact.</summary>
    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher(IActorRef target) => Context.Watch(target);
    }

    private IActorRef Echo(string name) => Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody), name);

    [Fact]
    public void Watch_TargetStops_DeliversTerminated()
    {
        var target = Echo("target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, null)));
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");

        Sys.Stop(target);

        var terminated = Assert.IsType<Terminated>(ExpectMsg<Got>().Message);
        Assert.Equal(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public void Watch_AlreadyDeadActor_DeliversTerminated()
    {
        var target = Echo("target");
        Watch(target);
        target.Tell(PoisonPill.Instance);
        ExpectTerminated(target);

        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, null)));
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");

        var terminated = Assert.IsType<Terminated>(ExpectMsg<Got>().Message);
        Assert.Equal(target, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed); // as in Akka.NET: the dead actor cannot confirm anything
    }

    [Fact]
    public void Watch_Nobody_DeliversTerminatedWithoutExistence()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, null)));
        watcher.Tell(new WatchIt(ActorRefs.Nobody), TestActor);
        ExpectMsg("watching");

        var terminated = Assert.IsType<Terminated>(ExpectMsg<Got>().Message);
        Assert.Same(ActorRefs.Nobody, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void WatchWith_TargetStops_DeliversCustomMessage()
    {
        var target = Echo("target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, null)));
        watcher.Tell(new WatchIt(target, "target is gone"), TestActor);
        ExpectMsg("watching");

        Sys.Stop(target);

        ExpectMsg(new Got("target is gone"));
        ExpectNoMsg();
    }

    [Fact]
    public void Unwatch_BeforeStop_NoTerminated()
    {
        var target = Echo("target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, null)));
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        watcher.Tell(new UnwatchIt(target));
        ExpectMsg("unwatched");

        Sys.Stop(target);

        ExpectNoMsg();
    }

    [Fact]
    public void Unwatch_TerminatedAlreadyQueued_IsDropped()
    {
        using var gate = new Gate();
        var target = Echo("target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, gate)));
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");

        // Hold the watcher busy, queue the Unwatch, and let the target's death notification arrive meanwhile.
        watcher.Tell("block");
        ExpectMsg("blocked");
        watcher.Tell(new UnwatchIt(target));
        Sys.Stop(target);
        var cell = ((LocalActorRef)watcher).Cell;
        Spin.Until(() => cell.Mailbox.HasSystemMessages, "the watcher has the death notification queued");
        gate.Open();

        // The notification becomes a Terminated queued behind the Unwatch, which drops it.
        ExpectMsg("unwatched");
        ExpectNoMsg();
    }

    [Fact]
    public void Terminated_ToldByAnotherActorWithoutWatch_IsDropped()
    {
        var target = Echo("target");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, null)));

        watcher.Tell(new Terminated(target, true, false));

        ExpectNoMsg();
    }

    [Fact]
    public void Watch_UnhandledTerminated_DeathPactStopsWatcher()
    {
        var target = Echo("target");
        var watcher = Sys.ActorOf(Props.Create(() => new CarelessWatcher(target)), "careless");
        Watch(watcher);
        AwaitIdle();

        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(target));

        ExpectTerminated(watcher);
    }

    [Fact]
    public void Watch_SameTargetTwice_DeliversOneTerminated()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor, null)));
        var parentSide = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody), "parent");
        parentSide.Tell(new CreateChild(LifecycleActor.Props(ActorRefs.Nobody), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        watcher.Tell(new WatchIt(child), TestActor);
        ExpectMsg("watching");
        watcher.Tell(new WatchIt(child), TestActor);
        ExpectMsg("watching");

        child.Tell(PoisonPill.Instance);

        Assert.Equal(child, Assert.IsType<Terminated>(ExpectMsg<Got>().Message).ActorRef);
        ExpectNoMsg();
    }
}
