namespace Actors.Tests.Cell;

/// <summary>
/// The cell keeps the current message and sender across a batch of messages and clears them between batches and
/// before system messages: a message's <c>Sender</c> must never leak into the next message or into supervision.
/// </summary>
public sealed class CurrentSenderTests : TestKit.TestKit
{
    [Fact]
    public void MessageWithoutSender_AfterOneWithSender_RepliesToDeadLetters()
    {
        var first = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters);

        // Sent back to back, so both usually land in one batch of the echo's mailbox.
        echo.Tell("one", first);
        echo.Tell("two", ActorRefs.NoSender);

        first.ExpectMsg("one");
        deadLetters.ExpectMsg<DeadLetter>(d => Assert.Equal("two", d.Message));
        first.ExpectNoMsg();
    }

    [Fact]
    public void SameMessageObject_FromTwoSenders_RepliesToEach()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        const string shared = "same instance";

        echo.Tell(shared, a);
        echo.Tell(shared, b);
        echo.Tell(shared, a);

        a.ExpectMsg(shared);
        b.ExpectMsg(shared);
        a.ExpectMsg(shared);
    }

    [Fact]
    public void SupervisorDecider_RunsWithoutTheSenderOfTheParentsLastMessage()
    {
        var parent = Sys.ActorOf(Props.Create(() => new SenderReportingParent(TestActor)), "parent");

        parent.Tell("crash a child", TestActor);

        var seen = ExpectMsg<SenderInDecider>();
        Assert.NotEqual(TestActor, seen.Sender);
        Assert.Equal(Sys.DeadLetters, seen.Sender);
    }

    private sealed record SenderInDecider(IActorRef Sender);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    private sealed class Crasher : ReceiveActor
    {
        public Crasher() => Receive<string>(_ => throw new InvalidOperationException("child failure"));
    }

    private sealed class SenderReportingParent : ReceiveActor
    {
        private readonly IActorRef _report;

        public SenderReportingParent(IActorRef report)
        {
            _report = report;
            Receive<string>(m => Context.ActorOf(Props.Create<Crasher>()).Tell(m, Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(
            _ =>
            {
                _report.Tell(new SenderInDecider(Sender), ActorRefs.NoSender);
                return Directive.Stop;
            },
            loggingEnabled: false);
    }
}
