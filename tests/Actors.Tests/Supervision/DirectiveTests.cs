using Actors.Tests.Support;

namespace Actors.Tests.Supervision;

public sealed class DirectiveTests : TestKit.TestKit
{
    private (IActorRef Supervisor, IActorRef Child, TestKit.TestProbe Life) Spawn(Func<Exception, Directive> decider, string name = "c")
    {
        var life = CreateTestProbe();
        var supervisor = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(decider, loggingEnabled: false)), "supervisor");
        supervisor.Tell(new CreateChild(LifecycleActor.Props(life), name), TestActor);
        var child = ExpectMsg<IActorRef>();
        life.ExpectMsg(new Started(name));
        return (supervisor, child, life);
    }

    [Fact]
    public void Resume_Failure_KeepsInstanceAndState()
    {
        var (_, child, life) = Spawn(_ => Directive.Resume);
        child.Tell(new Add(5));
        child.Tell(new Fail(new TestException()));
        child.Tell(new Add(2));
        child.Tell(GetState.Instance, TestActor);

        ExpectMsg(7);
        life.ExpectNoMsg();
    }

    [Fact]
    public void Restart_Failure_CreatesFreshInstanceWithEmptyState()
    {
        var (_, child, life) = Spawn(_ => Directive.Restart);
        child.Tell(new Add(5));
        child.Tell(new Fail(new TestException()));
        life.ExpectMsg<PreRestarted>();
        life.ExpectMsg(new Stopped("c")); // the default PreRestart calls PostStop
        life.ExpectMsg<PostRestarted>();
        life.ExpectMsg(new Started("c"));

        child.Tell(GetState.Instance, TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Restart_Failure_PreRestartSeesFailingMessageAndPostRestartSeesReason()
    {
        var (_, child, life) = Spawn(_ => Directive.Restart);
        var cause = new TestException("the cause");
        var failing = new Fail(cause);
        child.Tell(failing);

        var pre = life.ExpectMsg<PreRestarted>();
        Assert.Same(cause, pre.Reason);
        Assert.Same(failing, pre.Message);
        life.ExpectMsg(new Stopped("c")); // the default PreRestart calls PostStop
        var post = life.ExpectMsg<PostRestarted>();
        Assert.Same(cause, post.Reason);
        life.ExpectMsg(new Started("c"));
    }

    [Fact]
    public void Restart_Failure_KeepsMailboxAndDoesNotRetryFailingMessage()
    {
        var (_, child, life) = Spawn(_ => Directive.Restart);
        child.Tell(new Add(5));
        child.Tell(new Fail(new TestException()));
        child.Tell(new Add(1));
        child.Tell(GetState.Instance, TestActor);

        // The fresh instance processed the messages queued behind the failure, and only those.
        ExpectMsg(1);
        life.ExpectMsg<PreRestarted>();
        life.ExpectMsg(new Stopped("c")); // the default PreRestart calls PostStop
        life.ExpectMsg<PostRestarted>();
        life.ExpectMsg(new Started("c"));
        life.ExpectNoMsg();
    }

    [Fact]
    public void Restart_DefaultPreRestart_StopsChildrenOfFailedActor()
    {
        var (_, child, life) = Spawn(_ => Directive.Restart);
        child.Tell(new CreateChild(LifecycleActor.Props(life), "grandchild"), TestActor);
        var grandchild = ExpectMsg<IActorRef>();
        life.ExpectMsg(new Started("grandchild"));
        Watch(grandchild);

        child.Tell(new Fail(new TestException()));

        ExpectTerminated(grandchild);
        var events = life.ReceiveN(4);
        Assert.Contains(new Stopped("grandchild"), events);
        Assert.Contains(new Stopped("c"), events); // the default PreRestart calls PostStop
        Assert.Contains(events, e => e is PreRestarted);
        Assert.Contains(events, e => e is PostRestarted);
        life.ExpectMsg(new Started("c"));
    }

    [Fact]
    public void Stop_Failure_StopsChildAndRunsPostStop()
    {
        var (_, child, life) = Spawn(_ => Directive.Stop);
        Watch(child);
        child.Tell(new Fail(new TestException()));
        child.Tell(new Add(1));

        ExpectTerminated(child);
        life.ExpectMsg(new Stopped("c"));
        life.ExpectNoMsg();
    }

    [Fact]
    public void Escalate_ChildFailure_GrandparentDecidesAboutParent()
    {
        var decisions = CreateTestProbe();
        var life = CreateTestProbe();
        var grandparent = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(
            e =>
            {
                decisions.Tell(e);
                return Directive.Restart;
            },
            loggingEnabled: false)), "grandparent");
        grandparent.Tell(new CreateChild(LifecycleActor.Props(life).WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Escalate, loggingEnabled: false)), "parent"), TestActor);
        var parent = ExpectMsg<IActorRef>();
        life.ExpectMsg(new Started("parent"));
        parent.Tell(new CreateChild(LifecycleActor.Props(life), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        life.ExpectMsg(new Started("child"));
        Watch(child);

        var cause = new TestException("escalated");
        child.Tell(new Fail(cause));

        // The grandparent's decider saw the child's exception and restarted the parent, whose PreRestart stopped the child.
        Assert.Same(cause, decisions.ExpectMsg<TestException>());
        ExpectTerminated(child);
        var events = life.ReceiveN(5);
        Assert.Contains(events, e => e is PreRestarted { Name: "parent", Message: null } p && ReferenceEquals(p.Reason, cause));
        Assert.Contains(events, e => e is PostRestarted { Name: "parent" });
        Assert.Contains(new Stopped("child"), events);
        Assert.DoesNotContain(events, e => e is PreRestarted { Name: "child" });
        decisions.ExpectNoMsg();
    }

    [Fact]
    public void Escalate_GrandparentStops_StopsParentAndChild()
    {
        var life = CreateTestProbe();
        var grandparent = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Stop, loggingEnabled: false)), "grandparent");
        grandparent.Tell(new CreateChild(LifecycleActor.Props(life).WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Escalate, loggingEnabled: false)), "parent"), TestActor);
        var parent = ExpectMsg<IActorRef>();
        parent.Tell(new CreateChild(LifecycleActor.Props(life), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        Watch(parent);
        Watch(child);

        child.Tell(new Fail(new TestException()));

        ExpectMsgAllOf(
            new Terminated(parent, true, false),
            new Terminated(child, true, false));
    }

    [Fact]
    public void Supervision_Failure_PublishesActorFailedWithDirective()
    {
        Sys.EventStream.Subscribe<ActorFailed>(TestActor);
        var (supervisor, child, _) = Spawn(_ => Directive.Resume);
        var cause = new TestException();
        child.Tell(new Fail(cause));

        var failed = ExpectMsg<ActorFailed>();
        Assert.Equal(child, failed.Child);
        Assert.Equal(supervisor, failed.Supervisor);
        Assert.Same(cause, failed.Cause);
        Assert.Equal(Directive.Resume, failed.Directive);
        Assert.Equal(typeof(Fail), failed.MessageType);
    }

    [Fact]
    public void Restart_Failure_IsLoggedAsErrorFromTheChild()
    {
        var life = CreateTestProbe();
        var supervisor = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Restart)));
        supervisor.Tell(new CreateChild(LifecycleActor.Props(life), "c"), TestActor);
        var child = ExpectMsg<IActorRef>();

        EventFilter.Exception<TestException>(source: child.Path.ToString()).ExpectOne(() => child.Tell(new Fail(new TestException())));
    }

    [Fact]
    public void Resume_Failure_IsLoggedAsWarning()
    {
        var life = CreateTestProbe();
        var supervisor = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Resume)));
        supervisor.Tell(new CreateChild(LifecycleActor.Props(life), "c"), TestActor);
        var child = ExpectMsg<IActorRef>();

        EventFilter.Warning(contains: "resumed").ExpectOne(() => child.Tell(new Fail(new TestException())));
    }
}
