using Actors.Tests.Support;

namespace Actors.Tests.Actor;

public sealed class ActorSelectionTests : TestKit.TestKit
{
    private sealed record Select(string Path, object Message);

    /// <summary>Sends through a selection relative to itself.</summary>
    private sealed class Selector : ReceiveActor
    {
        public Selector()
        {
            Receive<Select>(s => Context.ActorSelection(s.Path).Tell(s.Message, Sender));
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        }
    }

    private readonly IActorRef _a;
    private readonly IActorRef _b1;
    private readonly IActorRef _b2;
    private readonly IActorRef _c;

    public ActorSelectionTests()
    {
        _a = Sys.ActorOf(Props.Create(() => new Selector()), "a");
        _b1 = Child(_a, "b1");
        _b2 = Child(_a, "b2");
        _c = Child(_a, "c");
    }

    private IActorRef Child(IActorRef parent, string name)
    {
        parent.Tell(new CreateChild(Props.Create(() => new Selector()).WithSupervisorStrategy(SupervisorStrategy.DefaultStrategy), name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    private IActorRef Echo(IActorRef parent, string name)
    {
        parent.Tell(new CreateChild(LifecycleActor.Props(ActorRefs.Nobody), name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    [Fact]
    public async Task ActorSelection_AbsolutePath_ResolvesOne()
    {
        Assert.Equal(_b1, await Sys.ActorSelection("/user/a/b1").ResolveOne(TimeSpan.FromSeconds(1)));
        Assert.Equal(_b1, await Sys.ActorSelection("actors://" + Sys.Name + "/user/a/b1").ResolveOne(TimeSpan.FromSeconds(1)));
        Assert.Equal(_b1, await Sys.ActorSelection(_b1.Path).ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ActorSelection_NoMatch_ResolveOneThrowsActorNotFound()
    {
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/a/missing").ResolveOne(TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("actors://other-system/user/a").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ActorSelection_Tell_DeliversWithSender()
    {
        var echo = Echo(_b1, "echo");
        Sys.ActorSelection("/user/a/b1/echo").Tell("hi", TestActor);
        ExpectMsg("hi");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ActorSelection_TellNoMatch_GoesToDeadLetters()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        Sys.ActorSelection("/user/a/nothing-here").Tell("lost", TestActor);
        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal("lost", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
    }

    [Fact]
    public void ActorSelection_TellPathOfOtherSystem_GoesToDeadLetters()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        Sys.ActorSelection("actors://other-system/user/a").Tell("elsewhere", TestActor);
        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal("elsewhere", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
    }

    [Fact]
    public void ActorSelection_Wildcard_DeliversToAllMatches()
    {
        Echo(_b1, "echo");
        Echo(_b2, "echo");
        Echo(_c, "echo");
        Sys.ActorSelection("/user/a/b*/echo").Tell("wild", TestActor);
        ExpectMsg("wild");
        ExpectMsg("wild");
        ExpectNoMsg();
    }

    [Fact]
    public void ActorSelection_QuestionMarkWildcard_MatchesOneCharacter()
    {
        Echo(_b1, "echo");
        Echo(_b2, "echo");
        Echo(_c, "echo");
        Sys.ActorSelection("/user/a/?/echo").Tell("q", TestActor);
        ExpectMsg("q");
        Assert.Equal(_c.Path / "echo", LastSender.Path);
        ExpectNoMsg();
    }

    [Fact]
    public void ContextActorSelection_RelativeChildPath_Resolves()
    {
        var echo = Echo(_b1, "echo");
        _a.Tell(new Select("b1/echo", "relative"), TestActor);
        ExpectMsg("relative");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ContextActorSelection_ParentPath_ResolvesSibling()
    {
        var echo = Echo(_b2, "echo");
        _b1.Tell(new Select("../b2/echo", "sibling"), TestActor);
        ExpectMsg("sibling");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ContextActorSelection_AbsolutePath_StartsAtRoot()
    {
        var echo = Echo(_c, "echo");
        _b1.Tell(new Select("/user/a/c/echo", "absolute"), TestActor);
        ExpectMsg("absolute");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task ActorSelection_StoppedActor_NotResolved()
    {
        var echo = Echo(_b1, "echo");
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/a/b1/echo").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ActorSelection_Identify_AnswersActorIdentity()
    {
        Sys.ActorSelection("/user/a/b2").Tell(new Identify(17), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal(17, identity.MessageId);
        Assert.Equal(_b2, identity.Subject);
    }

    [Fact]
    public void ActorSelection_ToString_ShowsAnchorAndPath()
    {
        var selection = Sys.ActorSelection("/user/a/b1");
        Assert.Equal("/user/a/b1", selection.PathString);
    }

    [Fact]
    public void Identify_PathThatMatchesNobody_AnsweredWithNoSubjectAndNoDeadLetter()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters);

        Sys.ActorSelection("/user/a/missing").Tell(new Identify("who"), TestActor);

        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal("who", identity.MessageId);
        Assert.Null(identity.Subject);
        deadLetters.ExpectNoMsg();
    }
}
