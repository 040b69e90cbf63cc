using Actors.TestKit;

namespace Actors.Tests.Smoke;

public sealed class SmokeTests : TestKit.TestKit
{
    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => Sender.Tell(s));
            Receive<int>(i => Sender.Tell(i + 1));
        }

        protected override void PreStart() => Context.Parent.Tell("started", Self);
    }

    private sealed class Parent(IActorRef probe) : ReceiveActor
    {
        private IActorRef? _child;

        protected override void PreStart() => _child = Context.ActorOf(Props.Create(() => new Echo()), "child");

        protected override void Unhandled(object message)
        {
            if (message is string s && s == "started") { probe.Tell("child-started"); return; }
            _child!.Forward(message);
        }
    }

    [Fact]
    public void Tell_Reply_RoundTrips()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        echo.Tell("hi", TestActor);
        ExpectMsg("hi");
    }

    [Fact]
    public async Task Ask_ReturnsReply()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        Assert.Equal(42, await echo.Ask<int>(41));
    }

    [Fact]
    public void Failure_RestartsChild()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(TestActor)));
        ExpectMsg("child-started");
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => parent.Tell("boom", TestActor));
        ExpectMsg("child-started");
        parent.Tell("after", TestActor);
        ExpectMsg("after");
    }

    [Fact]
    public async Task AskTimeout_FollowsVirtualClock()
    {
        var probe = CreateTestProbe();
        var task = probe.Ask<string>("q", TimeSpan.FromSeconds(5));
        probe.ExpectMsg("q");
        Assert.False(task.IsCompleted);
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    [Fact]
    public void Scheduler_FiresOnAdvance()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(1), TestActor, "tick", null);
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(59));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
    }

    [Fact]
    public void Watch_DeliversTerminated()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(echo);
        echo.Tell(PoisonPill.Instance);
        ExpectTerminated(echo);
    }
}
