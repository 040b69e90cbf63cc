namespace Actors.Tests.Docs;

/// <summary>The TestKit example shown in the README, kept compiling and passing.</summary>
public sealed class ReadmeExampleTests : TestKit.TestKit
{
    private sealed class Flaky : ReceiveActor
    {
        public Flaky() => Receive<string>(_ => throw new InvalidOperationException("upstream refused"));
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent(IActorRef probe)
        {
            IActorRef child = Context.ActorOf(Props.Create(() => new Flaky()), "child");
            probe.Tell(child);
        }

        protected override SupervisorStrategy SupervisorStrategy() =>
            new OneForOneStrategy(maxNrOfRetries: 3, withinTimeRange: TimeSpan.FromMinutes(1), decider: _ => Directive.Restart);
    }

    [Fact]
    public void Restarts_ThreeWithinAMinute_FourthStops()
    {
        Sys.ActorOf(Props.Create(() => new Parent(TestActor)));
        IActorRef child = ExpectMsg<IActorRef>();
        Watch(child);
        for (int i = 0; i < 3; i++)
        {
            child.Tell("connect");
            Advance(TimeSpan.FromSeconds(10)); // virtual time: runs in microseconds
        }

        ExpectNoMsg();                       // three restarts within the minute: still alive
        child.Tell("connect");               // the fourth failure within the minute
        ExpectTerminated(child);
    }
}
