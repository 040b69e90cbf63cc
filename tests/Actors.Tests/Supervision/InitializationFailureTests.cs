using Actors.Tests.Support;

namespace Actors.Tests.Supervision;

public sealed class InitializationFailureTests : TestKit.TestKit
{
    private sealed class ThrowsInConstructor : ReceiveActor
    {
        public ThrowsInConstructor(IActorRef probe)
        {
            probe.Tell("constructing");
            throw new TestException("ctor");
        }
    }

    private sealed class ThrowsInPreStart(IActorRef probe) : ReceiveActor
    {
        protected override void PreStart() => throw new TestException("prestart");

        protected override void PostStop() => probe.Tell("poststop");
    }

    private sealed class ThrowsInPostRestart : ReceiveActor
    {
        public ThrowsInPostRestart() => Receive<Fail>(f => throw f.Cause);

        protected override void PostRestart(Exception reason) => throw new TestException("postrestart");
    }

    [Fact]
    public void Constructor_Throws_ActorInitializationExceptionStopsActor()
    {
        var actor = default(IActorRef);
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() =>
        {
            actor = Sys.ActorOf(Props.Create(() => new ThrowsInConstructor(TestActor)), "ctor");
            Watch(actor);
        });

        ExpectMsg("constructing");
        ExpectTerminated(actor!);
        ExpectNoMsg();
    }

    [Fact]
    public void Constructor_Throws_LoggedCauseWrapsOriginalException()
    {
        var errors = new EventCollector();
        Sys.EventStream.Subscribe<Actors.Event.Error>(errors);
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => Sys.ActorOf(Props.Create(() => new ThrowsInConstructor(TestActor)), "ctor"));

        var error = Assert.Single(errors.OfType<Actors.Event.Error>());
        var init = Assert.IsType<ActorInitializationException>(error.Cause);
        Assert.IsType<TestException>(init.InnerException);
        Assert.Equal("ctor", init.InnerException!.Message);
        Assert.Equal("ctor", init.Actor!.Path.Name);
    }

    [Fact]
    public void PreStart_Throws_ActorInitializationExceptionStopsActorWithoutPostStop()
    {
        var actor = default(IActorRef);
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() =>
        {
            actor = Sys.ActorOf(Props.Create(() => new ThrowsInPreStart(TestActor)), "prestart");
            Watch(actor);
        });

        // As in Akka.NET, the instance whose creation failed is discarded: PostStop does not run.
        ExpectTerminated(actor!);
        ExpectNoMsg();
    }

    [Fact]
    public void Constructor_ThrowsUnderRestartingStrategy_IsRetriedByFactoryEachTime()
    {
        int attempts = 0;
        var supervisor = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(2, null, _ => Directive.Restart, loggingEnabled: false)));
        supervisor.Tell(new CreateChild(Props.Create<ActorBase>(() => Interlocked.Increment(ref attempts) < 3 ? new ThrowsInConstructor(ActorRefs.Nobody) : new LifecycleActor(TestActor)), "c"), TestActor);
        var child = ExpectMsg<IActorRef>();

        // Two failed constructions are restarted (the limit), the third succeeds.
        ExpectMsg<PostRestarted>(p => Assert.IsType<PostRestartException>(p.Reason));
        ExpectMsg(new Started("c"));
        Assert.Equal(3, attempts);
        child.Tell("alive", TestActor);
        ExpectMsg("alive");
    }

    [Fact]
    public void PostRestart_Throws_PostRestartExceptionStopsActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThrowsInPostRestart()), "pr");
        Watch(actor);
        EventFilter.Exception<PostRestartException>().ExpectOne(() =>
            EventFilter.Exception<TestException>(message: "first").ExpectOne(() => actor.Tell(new Fail(new TestException("first")))));

        ExpectTerminated(actor);
    }

    [Fact]
    public void ActorBase_ConstructedWithNew_ThrowsIllegalActorState()
    {
        Assert.Throws<IllegalActorStateException>(() => new LifecycleActor(TestActor));
    }
}
