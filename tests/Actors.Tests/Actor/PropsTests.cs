using Actors.Tests.Support;

namespace Actors.Tests.Actor;

public sealed class PropsTests : TestKit.TestKit
{
    private sealed class NoArgs : ReceiveActor
    {
        public NoArgs() => Receive<string>(s => Sender.Tell("noargs:" + s));
    }

    private sealed class WithArgs : ReceiveActor
    {
        public WithArgs(string prefix, int times) => Receive<string>(s => Sender.Tell(string.Concat(Enumerable.Repeat(prefix, times)) + s));
    }

    [Fact]
    public void PropsCreateGeneric_ParameterlessConstructor_CreatesActor()
    {
        var props = Props.Create<NoArgs>();
        Assert.Equal(typeof(NoArgs), props.Type);
        Sys.ActorOf(props).Tell("x", TestActor);
        ExpectMsg("noargs:x");
    }

    [Fact]
    public void PropsCreateFactory_EachIncarnation_CallsFactoryAgain()
    {
        int calls = 0;
        var props = Props.Create(() =>
        {
            Interlocked.Increment(ref calls);
            return new LifecycleActor(TestActor);
        });
        Assert.Equal(typeof(LifecycleActor), props.Type);
        var actor = Sys.ActorOf(props, "f");
        ExpectMsg(new Started("f"));
        EventFilter.Exception<TestException>().ExpectOne(() => actor.Tell(new Fail(new TestException())));
        ExpectMsg<PreRestarted>();
        ExpectMsg(new Stopped("f"));
        ExpectMsg<PostRestarted>();
        ExpectMsg(new Started("f"));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void PropsCreateType_WithArguments_UsesMatchingConstructor()
    {
        var props = Props.Create(typeof(WithArgs), "ab", 2);
        Assert.Equal(typeof(WithArgs), props.Type);
        Sys.ActorOf(props).Tell("!", TestActor);
        ExpectMsg("abab!");
    }

    [Fact]
    public void PropsCreateType_NotAnActor_Throws()
    {
        Assert.Throws<ArgumentException>(() => Props.Create(typeof(string)));
    }

    [Fact]
    public void PropsCreate_NullFactory_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Props.Create<NoArgs>((Func<NoArgs>)null!));
    }

    [Fact]
    public void PropsWith_ReturnNewPropsAndLeaveOriginalUnchanged()
    {
        var original = Props.Create<NoArgs>();
        var strategy = new OneForOneStrategy(_ => Directive.Stop);

        var changed = original.WithMailbox(Mailboxes.BoundedMailboxId).WithDispatcher("other").WithSupervisorStrategy(strategy);

        Assert.Equal(Mailboxes.DefaultMailboxId, original.Mailbox);
        Assert.Equal(Dispatchers.DefaultDispatcherId, original.Dispatcher);
        Assert.Null(original.SupervisorStrategy);
        Assert.Equal(Mailboxes.BoundedMailboxId, changed.Mailbox);
        Assert.Equal("other", changed.Dispatcher);
        Assert.Same(strategy, changed.SupervisorStrategy);
        Assert.Equal(typeof(NoArgs), changed.Type);
    }

    [Fact]
    public void PropsWithDispatcher_Unknown_ActorOfThrows()
    {
        Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<NoArgs>().WithDispatcher("unknown")));
    }

    [Fact]
    public void Props_ToString_NamesTypeDispatcherAndMailbox()
    {
        Assert.Equal("Props(NoArgs, dispatcher=default-dispatcher, mailbox=default-mailbox)", Props.Create<NoArgs>().ToString());
    }
}

public sealed class CustomDispatcherTests : TestKit.TestKit
{
    public CustomDispatcherTests()
        : base(CreateOptions())
    {
    }

    private static ActorSystemOptions CreateOptions()
    {
        var options = new ActorSystemOptions();
        options.Dispatchers["pinned-ish"] = 5;
        return options;
    }

    [Fact]
    public void PropsWithDispatcher_Configured_ActorRuns()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody).WithDispatcher("pinned-ish"));
        actor.Tell("on custom dispatcher", TestActor);
        ExpectMsg("on custom dispatcher");
    }
}
