namespace Actors.Tests.Cell;

public sealed class ReceiveTimeoutTests : TestKit.TestKit
{
    private sealed record Quiet(string Text) : INotInfluenceReceiveTimeout;

    private sealed class Idler : ReceiveActor
    {
        public Idler(IActorRef probe, TimeSpan timeout)
        {
            SetReceiveTimeout(timeout);
            Receive<ReceiveTimeout>(t => probe.Tell(t));
            Receive<string>(s => s == "clear", _ => SetReceiveTimeout(null));
            Receive<string>(s => s == "timeout?", _ => probe.Tell(Context.ReceiveTimeout?.ToString() ?? "none"));
            Receive<string>(_ => { });
            Receive<Quiet>(_ => { });
        }
    }

    private IActorRef Spawn(TimeSpan timeout)
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idler(TestActor, timeout)));
        AwaitIdle();
        return actor;
    }

    [Fact]
    public void ReceiveTimeout_Idle_FiresAfterTimeout()
    {
        Spawn(TimeSpan.FromSeconds(10));
        Advance(TimeSpan.FromSeconds(9.9));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(0.1));
        ExpectMsg(ReceiveTimeout.Instance);
    }

    [Fact]
    public void ReceiveTimeout_StillIdle_FiresAgain()
    {
        Spawn(TimeSpan.FromSeconds(10));
        Advance(TimeSpan.FromSeconds(10));
        ExpectMsg(ReceiveTimeout.Instance);
        Advance(TimeSpan.FromSeconds(10));
        ExpectMsg(ReceiveTimeout.Instance);
    }

    [Fact]
    public void ReceiveTimeout_MessageArrives_ResetsTimer()
    {
        var actor = Spawn(TimeSpan.FromSeconds(10));
        Advance(TimeSpan.FromSeconds(8));
        actor.Tell("hello");
        Advance(TimeSpan.FromSeconds(8));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(2));
        ExpectMsg(ReceiveTimeout.Instance);
    }

    [Fact]
    public void ReceiveTimeout_NotInfluenceReceiveTimeoutMessage_DoesNotReset()
    {
        var actor = Spawn(TimeSpan.FromSeconds(10));
        Advance(TimeSpan.FromSeconds(8));
        actor.Tell(new Quiet("shh"));
        Advance(TimeSpan.FromSeconds(2));
        ExpectMsg(ReceiveTimeout.Instance);
    }

    [Fact]
    public void ReceiveTimeout_ClearedWithNull_NeverFires()
    {
        var actor = Spawn(TimeSpan.FromSeconds(10));
        actor.Tell("clear");
        actor.Tell("timeout?");
        ExpectMsg("none");
        Advance(TimeSpan.FromMinutes(5));
        ExpectNoMsg();
    }

    [Fact]
    public void ReceiveTimeout_Property_ReportsCurrentValue()
    {
        var actor = Spawn(TimeSpan.FromSeconds(10));
        actor.Tell("timeout?");
        ExpectMsg(TimeSpan.FromSeconds(10).ToString());
    }

    [Fact]
    public void ReceiveTimeout_ActorStopped_NoTimeoutDelivered()
    {
        var actor = Spawn(TimeSpan.FromSeconds(10));
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Advance(TimeSpan.FromSeconds(30));
        ExpectNoMsg();
    }
}
