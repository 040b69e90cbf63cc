using Actors.Tests.Support;

namespace Actors.Tests.Supervision;

public sealed class AllForOneStrategyTests : TestKit.TestKit
{
    private (IActorRef A, IActorRef B, TestKit.TestProbe Life) Spawn(SupervisorStrategy strategy)
    {
        var life = CreateTestProbe();
        var supervisor = Sys.ActorOf(Supervisor.Props(strategy), "supervisor");
        supervisor.Tell(new CreateChild(LifecycleActor.Props(life), "a"), TestActor);
        var a = ExpectMsg<IActorRef>();
        supervisor.Tell(new CreateChild(LifecycleActor.Props(life), "b"), TestActor);
        var b = ExpectMsg<IActorRef>();
        life.ExpectMsgAllOf(new Started("a"), new Started("b"));
        return (a, b, life);
    }

    [Fact]
    public void AllForOne_Restart_RestartsFailingChildAndSiblings()
    {
        var (a, b, life) = Spawn(new AllForOneStrategy(_ => Directive.Restart, loggingEnabled: false));
        a.Tell(new Add(1));
        b.Tell(new Add(2));

        // Both hold state before the failure (messages to different actors have no mutual order).
        a.Tell(GetState.Instance, TestActor);
        ExpectMsg(1);
        b.Tell(GetState.Instance, TestActor);
        ExpectMsg(2);
        var cause = new TestException();
        a.Tell(new Fail(cause));

        var events = life.ReceiveN(8);
        Assert.Contains(events, e => e is PreRestarted { Name: "a" } p && ReferenceEquals(p.Reason, cause) && p.Message is Fail);
        Assert.Contains(events, e => e is PreRestarted { Name: "b", Message: null } p && ReferenceEquals(p.Reason, cause));
        Assert.Contains(new Started("a"), events);
        Assert.Contains(new Started("b"), events);
        a.Tell(GetState.Instance, TestActor);
        ExpectMsg(0);
        b.Tell(GetState.Instance, TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void OneForOne_Restart_LeavesSiblingsAlone()
    {
        var (a, b, life) = Spawn(new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false));
        b.Tell(new Add(2));
        a.Tell(new Fail(new TestException()));

        life.ExpectMsg<PreRestarted>(p => Assert.Equal("a", p.Name));
        life.ExpectMsg(new Stopped("a")); // the default PreRestart calls PostStop
        life.ExpectMsg<PostRestarted>(p => Assert.Equal("a", p.Name));
        life.ExpectMsg(new Started("a"));
        life.ExpectNoMsg();
        b.Tell(GetState.Instance, TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public void AllForOne_Stop_StopsAllChildren()
    {
        var (a, b, _) = Spawn(new AllForOneStrategy(_ => Directive.Stop, loggingEnabled: false));
        Watch(a);
        Watch(b);
        a.Tell(new Fail(new TestException()));

        ExpectMsgAllOf(new Terminated(a, true, false), new Terminated(b, true, false));
    }

    [Fact]
    public void AllForOne_OutOfRetries_StopsAllChildren()
    {
        var (a, b, life) = Spawn(new AllForOneStrategy(1, null, _ => Directive.Restart, loggingEnabled: false));
        Watch(a);
        Watch(b);
        a.Tell(new Fail(new TestException()));
        life.ReceiveN(8);
        ExpectNoMsg();

        b.Tell(new Fail(new TestException()));

        ExpectMsgAllOf(new Terminated(a, true, false), new Terminated(b, true, false));
    }

    [Fact]
    public void AllForOne_Resume_ResumesOnlyFailingChildKeepingState()
    {
        var (a, b, life) = Spawn(new AllForOneStrategy(_ => Directive.Resume, loggingEnabled: false));
        a.Tell(new Add(3));
        a.Tell(new Fail(new TestException()));
        a.Tell(GetState.Instance, TestActor);
        ExpectMsg(3);
        b.Tell("b-alive", TestActor);
        ExpectMsg("b-alive");
        life.ExpectNoMsg();
    }
}
