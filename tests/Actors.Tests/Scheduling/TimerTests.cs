using Actors.Tests.Support;

namespace Actors.Tests.Scheduling;

public sealed class TimerTests : TestKit.TestKit
{
    private sealed record StartSingle(object Key, object Message, TimeSpan Delay);

    private sealed record StartPeriodic(object Key, object Message, TimeSpan Interval);

    private sealed record CancelTimer(object Key);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef probe, Gate? gate = null)
        {
            Receive<StartSingle>(s => Timers.StartSingleTimer(s.Key, s.Message, s.Delay));
            Receive<StartPeriodic>(s => Timers.StartPeriodicTimer(s.Key, s.Message, s.Interval));
            Receive<CancelTimer>(c =>
            {
                Timers.Cancel(c.Key);
                probe.Tell("cancelled " + c.Key);
            });
            Receive<string>(s => s == "active?", _ => probe.Tell(string.Join(",", Timers.ActiveTimers.Select(k => k.ToString()).Order())));
            Receive<string>(s => s == "block", _ =>
            {
                probe.Tell("blocked");
                gate!.Wait();
            });
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => probe.Tell(s));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private IActorRef Spawn(Gate? gate = null) => Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, gate)));

    [Fact]
    public void StartSingleTimer_Due_DeliversOnceAndBecomesInactive()
    {
        var actor = Spawn();
        actor.Tell(new StartSingle("k", "fired", TimeSpan.FromSeconds(3)));
        actor.Tell("active?");
        ExpectMsg("k");
        Advance(TimeSpan.FromSeconds(3));
        ExpectMsg("fired");
        Advance(TimeSpan.FromSeconds(30));
        ExpectNoMsg();
        actor.Tell("active?");
        ExpectMsg(string.Empty);
    }

    [Fact]
    public void StartPeriodicTimer_EachInterval_Delivers()
    {
        var actor = Spawn();
        actor.Tell(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        AwaitIdle();
        Advance(TimeSpan.FromSeconds(3));
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectNoMsg();
    }

    [Fact]
    public void StartSingleTimer_SameKey_ReplacesEarlierTimer()
    {
        var actor = Spawn();
        actor.Tell(new StartSingle("k", "first", TimeSpan.FromSeconds(5)));
        actor.Tell(new StartSingle("k", "second", TimeSpan.FromSeconds(10)));
        AwaitIdle();
        Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("second");
        Advance(TimeSpan.FromSeconds(30));
        ExpectNoMsg();
    }

    [Fact]
    public void Cancel_BeforeDue_NeverDelivers()
    {
        var actor = Spawn();
        actor.Tell(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        actor.Tell(new CancelTimer("p"));
        ExpectMsg("cancelled p");
        Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void Cancel_MessageAlreadyInMailbox_IsNeverDelivered()
    {
        using var gate = new Gate();
        var actor = Spawn(gate);
        actor.Tell(new StartSingle("k", "stale", TimeSpan.FromSeconds(1)));
        actor.Tell("block");
        ExpectMsg("blocked");
        actor.Tell(new CancelTimer("k"));

        // The timer fires while the actor is busy: its message is queued behind the cancel.
        Clock!.Advance(TimeSpan.FromSeconds(1));
        gate.Open();

        ExpectMsg("cancelled k");
        ExpectNoMsg();
    }

    [Fact]
    public void StartSingleTimer_ReplacedWhileOldMessageQueued_OnlyNewDelivered()
    {
        using var gate = new Gate();
        var actor = Spawn(gate);
        actor.Tell(new StartSingle("k", "old", TimeSpan.FromSeconds(1)));
        actor.Tell("block");
        ExpectMsg("blocked");
        actor.Tell(new StartSingle("k", "new", TimeSpan.FromSeconds(1)));
        Clock!.Advance(TimeSpan.FromSeconds(1));
        gate.Open();
        ExpectNoMsg();

        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("new");
        ExpectNoMsg();
    }

    [Fact]
    public void Timers_ActorRestarts_AllTimersCancelled()
    {
        var actor = Spawn();
        actor.Tell(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("boom"));
        Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg();
    }

    [Fact]
    public void Timers_ActorStops_AllTimersCancelled()
    {
        var actor = Spawn();
        actor.Tell(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg();
        Assert.Equal(0, Clock!.PendingTimers);
    }
}
