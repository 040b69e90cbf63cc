using Actors.Tests.Support;

namespace Actors.Tests.Supervision;

public sealed class DefaultDeciderTests : TestKit.TestKit
{
    public static TheoryData<Exception, Directive> Decisions => new()
    {
        { new ActorInitializationException("init"), Directive.Stop },
        { new PostRestartException(ActorRefs.Nobody, new TestException(), new TestException()), Directive.Stop },
        { new ActorKilledException("Kill"), Directive.Stop },
        { new DeathPactException("pact"), Directive.Stop },
        { new InvalidOperationException(), Directive.Restart },
        { new TestException(), Directive.Restart },
        { new AggregateException(new ActorKilledException()), Directive.Restart },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void DefaultDecider_ByExceptionType_MatchesAkka(Exception cause, Directive expected)
    {
        Assert.Equal(expected, SupervisorStrategy.DefaultDecider(cause));
        Assert.Equal(expected, SupervisorStrategy.DefaultStrategy.Decide(cause));
    }

    [Fact]
    public void DefaultStrategy_IsOneForOneWithUnlimitedRetries()
    {
        Assert.IsType<OneForOneStrategy>(SupervisorStrategy.DefaultStrategy);
        Assert.Equal(-1, SupervisorStrategy.DefaultStrategy.MaxNumberOfRetries);
        Assert.Null(SupervisorStrategy.DefaultStrategy.WithinTimeRange);
    }

    [Fact]
    public void DefaultStrategy_OrdinaryException_RestartsActor()
    {
        var life = CreateTestProbe();
        var actor = Sys.ActorOf(LifecycleActor.Props(life), "worker");
        life.ExpectMsg(new Started("worker"));

        var cause = new TestException();
        EventFilter.Exception<TestException>().ExpectOne(() => actor.Tell(new Fail(cause)));

        life.ExpectMsg<PreRestarted>(p => Assert.Same(cause, p.Reason));
        life.ExpectMsg(new Stopped("worker")); // the default PreRestart calls PostStop
        life.ExpectMsg<PostRestarted>(p => Assert.Same(cause, p.Reason));
        life.ExpectMsg(new Started("worker"));
        actor.Tell("alive", TestActor);
        ExpectMsg("alive");
    }

    [Fact]
    public void DefaultStrategy_ActorInitializationExceptionFromReceive_StopsActor()
    {
        var life = CreateTestProbe();
        var actor = Sys.ActorOf(LifecycleActor.Props(life), "worker");
        life.ExpectMsg(new Started("worker"));
        Watch(actor);

        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => actor.Tell(new Fail(new ActorInitializationException("bad"))));

        ExpectTerminated(actor);
        life.ExpectMsg(new Stopped("worker"));
        life.ExpectNoMsg();
    }

    [Fact]
    public void DefaultStrategy_Kill_StopsActorWithActorKilledException()
    {
        var life = CreateTestProbe();
        var actor = Sys.ActorOf(LifecycleActor.Props(life), "worker");
        life.ExpectMsg(new Started("worker"));
        Watch(actor);

        EventFilter.Exception<ActorKilledException>().ExpectOne(() => actor.Tell(Kill.Instance));

        ExpectTerminated(actor);
        life.ExpectMsg(new Stopped("worker"));
        life.ExpectNoMsg();
    }

    [Fact]
    public void DefaultStrategy_DeathPactException_StopsActor()
    {
        var life = CreateTestProbe();
        var actor = Sys.ActorOf(LifecycleActor.Props(life), "worker");
        life.ExpectMsg(new Started("worker"));
        Watch(actor);

        EventFilter.Exception<DeathPactException>().ExpectOne(() => actor.Tell(new Fail(new DeathPactException("pact"))));

        ExpectTerminated(actor);
        life.ExpectMsg(new Stopped("worker"));
    }

    [Fact]
    public void StoppingStrategy_AnyException_StopsChild()
    {
        var life = CreateTestProbe();
        var supervisor = Sys.ActorOf(Supervisor.Props(SupervisorStrategy.StoppingStrategy));
        supervisor.Tell(new CreateChild(LifecycleActor.Props(life), "c"), TestActor);
        var child = ExpectMsg<IActorRef>();
        life.ExpectMsg(new Started("c"));
        Watch(child);

        EventFilter.Exception<TestException>().ExpectOne(() => child.Tell(new Fail(new TestException())));

        ExpectTerminated(child);
        life.ExpectMsg(new Stopped("c"));
        life.ExpectNoMsg();
    }
}
