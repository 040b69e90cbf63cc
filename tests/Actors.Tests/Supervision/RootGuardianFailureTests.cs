using Actors.Tests.Support;

namespace Actors.Tests.Supervision;

public sealed class RootGuardianFailureTests : TestKit.TestKit
{
    public RootGuardianFailureTests()
        : base(new ActorSystemOptions { GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate) })
    {
    }

    [Fact]
    public async Task GuardianEscalates_FailureReachesRoot_SystemTerminatesWithLoggedError()
    {
        var errors = new EventCollector();
        Sys.EventStream.Subscribe<Actors.Event.Error>(errors);
        var actor = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody), "top");
        var cause = new TestException("to the root");

        actor.Tell(new Fail(cause));

        await Sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(
            errors.OfType<Actors.Event.Error>(),
            e => ReferenceEquals(e.Cause, cause) && e.Message.Contains("root", StringComparison.Ordinal) && e.LogSource.EndsWith("/user", StringComparison.Ordinal));
    }
}
