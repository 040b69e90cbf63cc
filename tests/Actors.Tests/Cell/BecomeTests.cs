namespace Actors.Tests.Cell;

public sealed class BecomeTests : TestKit.TestKit
{
    private sealed class ReceiveSwitcher : ReceiveActor
    {
        public ReceiveSwitcher()
        {
            Receive<string>(s => s == "become", _ => Become(Angry));
            Receive<string>(s => s == "push", _ => BecomeStacked(Angry));
            Receive<string>(s => Sender.Tell("calm:" + s));
        }

        private void Angry()
        {
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            Receive<string>(s => s == "calm", _ => Become(() => Receive<string>(m => Sender.Tell("calm-again:" + m))));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException());
            Receive<string>(s => Sender.Tell("angry:" + s));
        }
    }

    private sealed class UntypedSwitcher : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "become":
                    Become(Other);
                    break;
                case "push":
                    BecomeStacked(Other);
                    break;
                case string s:
                    Sender.Tell("first:" + s);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }

        private void Other(object message)
        {
            switch (message)
            {
                case "pop":
                    UnbecomeStacked();
                    break;
                case string s:
                    Sender.Tell("other:" + s);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    private sealed class ContextSwitcher : ActorBase
    {
        protected override bool Receive(object message)
        {
            switch (message)
            {
                case "push":
                    Context.BecomeStacked(m =>
                    {
                        if (m is "pop")
                        {
                            Context.UnbecomeStacked();
                            return true;
                        }

                        if (m is string s)
                        {
                            Sender.Tell("pushed:" + s);
                            return true;
                        }

                        return false;
                    });
                    return true;
                case "become":
                    Context.Become(m =>
                    {
                        Sender.Tell("became:" + m);
                        return true;
                    });
                    return true;
                case string s:
                    Sender.Tell("base:" + s);
                    return true;
                default:
                    return false;
            }
        }
    }

    private void Send(IActorRef actor, params string[] messages)
    {
        foreach (string m in messages)
        {
            actor.Tell(m, TestActor);
        }
    }

    [Fact]
    public void ReceiveActorBecome_ReplacesHandlers()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ReceiveSwitcher()));
        Send(actor, "a", "become", "b", "calm", "c");
        ExpectMsg("calm:a");
        ExpectMsg("angry:b");
        ExpectMsg("calm-again:c");
    }

    [Fact]
    public void ReceiveActorBecomeStacked_UnbecomeStacked_ReturnsToPrevious()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ReceiveSwitcher()));
        Send(actor, "push", "a", "pop", "b");
        ExpectMsg("angry:a");
        ExpectMsg("calm:b");
    }

    [Fact]
    public void ReceiveActorBecome_AfterRestart_InitialBehaviorAgain()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ReceiveSwitcher()));
        Send(actor, "become", "a");
        ExpectMsg("angry:a");
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => Send(actor, "fail"));
        Send(actor, "b");
        ExpectMsg("calm:b");
    }

    [Fact]
    public void UntypedActorBecome_ReplacesBehavior()
    {
        var actor = Sys.ActorOf(Props.Create(() => new UntypedSwitcher()));
        Send(actor, "a", "become", "b", "c");
        ExpectMsg("first:a");
        ExpectMsg("other:b");
        ExpectMsg("other:c");
    }

    [Fact]
    public void UntypedActorBecomeStacked_UnbecomeStacked_ReturnsToPrevious()
    {
        var actor = Sys.ActorOf(Props.Create(() => new UntypedSwitcher()));
        Send(actor, "push", "a", "pop", "b");
        ExpectMsg("other:a");
        ExpectMsg("first:b");
    }

    [Fact]
    public void UntypedActor_UnhandledMessage_PublishesUnhandledMessage()
    {
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor);
        var actor = Sys.ActorOf(Props.Create(() => new UntypedSwitcher()));
        actor.Tell(42, TestActor);
        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    [Fact]
    public void ContextBecomeStacked_UnbecomeStacked_ReturnsToReceive()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ContextSwitcher()));
        Send(actor, "push", "a", "pop", "b");
        ExpectMsg("pushed:a");
        ExpectMsg("base:b");
    }

    [Fact]
    public void ContextBecome_ReplacesReceive()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ContextSwitcher()));
        Send(actor, "a", "become", "b", "c");
        ExpectMsg("base:a");
        ExpectMsg("became:b");
        ExpectMsg("became:c");
    }
}
