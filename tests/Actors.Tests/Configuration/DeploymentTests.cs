using Actors.Event;
using Actors.Hocon;

namespace Actors.Tests.Configuration;

public sealed class DeploymentTests : TestKit.TestKit
{
    public DeploymentTests()
        : base(Options())
    {
    }

    private static ActorSystemOptions Options()
    {
        Config config = ConfigurationFactory.ParseString(
            """
            actors {
              dispatchers.io.throughput = 1
              mailboxes.tiny.capacity = 2
              deployment {
                "/user/configured" { dispatcher = io, mailbox = tiny }
                "/user/parent" { supervision { max-retries = 0, decider = restart } }
                "/user/*/leaf" { mailbox = bounded-mailbox }
              }
            }
            """);
        return ActorSystemOptions.FromConfig(config);
    }

    private sealed class Reporter : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "props")
            {
                var cell = (ActorCell)Context;
                Sender.Tell((cell.Props.Dispatcher, cell.Props.Mailbox));
            }
            else if (message is "boom")
            {
                throw new InvalidOperationException("boom");
            }
        }
    }

    private sealed class Parent(IActorRef probe) : UntypedActor
    {
        protected override void PreStart()
        {
            IActorRef child = Context.ActorOf(Props.Create(() => new Reporter()), "leaf");
            Context.Watch(child);
            probe.Tell(child);
        }

        protected override void OnReceive(object message)
        {
            if (message is "strategy")
            {
                SupervisorStrategy strategy = ((ActorCell)Context).SupervisorStrategyInternal;
                Sender.Tell((strategy.MaxNumberOfRetries, strategy.Decide(new InvalidOperationException())));
            }
        }
    }

    [Fact]
    public void Deployment_ExactPath_OverridesDispatcherAndMailbox()
    {
        IActorRef actor = Sys.ActorOf(Props.Create(() => new Reporter()), "configured");
        actor.Tell("props", TestActor);
        ExpectMsg(("io", "tiny"));

        IActorRef other = Sys.ActorOf(Props.Create(() => new Reporter()), "other");
        other.Tell("props", TestActor);
        ExpectMsg((Dispatchers.DefaultDispatcherId, Mailboxes.DefaultMailboxId));
    }

    [Fact]
    public void Deployment_WildcardAndSupervision_TakeEffect()
    {
        IActorRef parent = Sys.ActorOf(Props.Create(() => new Parent(TestActor)), "parent");
        IActorRef leaf = ExpectMsg<IActorRef>();
        leaf.Tell("props", TestActor);
        ExpectMsg((Dispatchers.DefaultDispatcherId, Mailboxes.BoundedMailboxId));

        // The parent supervises its children with the configured strategy, not its own default.
        parent.Tell("strategy", TestActor);
        ExpectMsg((0, Directive.Restart));

        // And it takes effect: zero retries means the failing child is stopped instead of restarted.
        Watch(leaf);
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => leaf.Tell("boom", TestActor));
        ExpectTerminated(leaf);
    }
}
