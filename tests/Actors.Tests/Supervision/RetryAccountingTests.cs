using Actors.Tests.Support;

namespace Actors.Tests.Supervision;

/// <summary>Restart limits as Akka.NET documents them, with windows measured on the virtual clock.</summary>
public sealed class RetryAccountingTests : TestKit.TestKit
{
    private readonly TestKit.TestProbe _life;

    public RetryAccountingTests() => _life = CreateTestProbe();

    private IActorRef SpawnChild(SupervisorStrategy strategy)
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(strategy), "supervisor");
        supervisor.Tell(new CreateChild(LifecycleActor.Props(_life), "c"), TestActor);
        var child = ExpectMsg<IActorRef>();
        _life.ExpectMsg(new Started("c"));
        Watch(child);
        return child;
    }

    private void FailAndExpectRestart(IActorRef child)
    {
        child.Tell(new Fail(new TestException()));
        _life.ExpectMsg<PreRestarted>();
        _life.ExpectMsg(new Stopped("c")); // the default PreRestart calls PostStop
        _life.ExpectMsg<PostRestarted>();
        _life.ExpectMsg(new Started("c"));
        ExpectNoMsg();
    }

    private void FailAndExpectStop(IActorRef child)
    {
        child.Tell(new Fail(new TestException()));
        ExpectTerminated(child);
        _life.ExpectMsg(new Stopped("c"));
        _life.ExpectNoMsg();
    }

    private static OneForOneStrategy Restarting(int? retries, TimeSpan? window) =>
        new(retries, window, _ => Directive.Restart, loggingEnabled: false);

    [Fact]
    public void MaxRetriesZero_FirstFailure_StopsChild()
    {
        var child = SpawnChild(Restarting(0, null));
        FailAndExpectStop(child);
    }

    [Fact]
    public void MaxRetriesZeroWithWindow_FirstFailure_StopsChild()
    {
        var child = SpawnChild(Restarting(0, TimeSpan.FromMinutes(1)));
        FailAndExpectStop(child);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(-5)]
    public void MaxRetriesUnlimitedNoWindow_ManyFailures_AlwaysRestarts(int? retries)
    {
        var child = SpawnChild(Restarting(retries, null));
        for (int i = 0; i < 25; i++)
        {
            FailAndExpectRestart(child);
        }
    }

    [Fact]
    public void MaxRetriesNoWindow_CountsOverChildLife_StopsAfterLimitEvenHoursApart()
    {
        var child = SpawnChild(Restarting(2, null));
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromHours(5));
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromDays(3));
        FailAndExpectStop(child);
    }

    [Fact]
    public void NewChildUnderAReusedName_StartsWithFreshRetries()
    {
        // Accounting belongs to the child, not to its name: a child created again under the name of one that ran out
        // of retries gets its own full allowance.
        var supervisor = Sys.ActorOf(Supervisor.Props(Restarting(1, null)), "supervisor");
        supervisor.Tell(new CreateChild(LifecycleActor.Props(_life), "c"), TestActor);
        var first = ExpectMsg<IActorRef>();
        _life.ExpectMsg(new Started("c"));
        Watch(first);
        FailAndExpectRestart(first);
        FailAndExpectStop(first);

        supervisor.Tell(new CreateChild(LifecycleActor.Props(_life), "c"), TestActor);
        var second = ExpectMsg<IActorRef>();
        _life.ExpectMsg(new Started("c"));
        Assert.NotEqual(first, second);
        Watch(second);
        FailAndExpectRestart(second);
        FailAndExpectStop(second);
    }

    [Fact]
    public void ThreeWithinOneMinute_FourthFailureWithinWindow_StopsChild()
    {
        var child = SpawnChild(Restarting(3, TimeSpan.FromMinutes(1)));
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromSeconds(20));
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromSeconds(20));
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromSeconds(19));
        FailAndExpectStop(child);
    }

    [Fact]
    public void ThreeWithinOneMinute_FailureExactlyAtWindowEnd_StillCountsInWindow()
    {
        var child = SpawnChild(Restarting(3, TimeSpan.FromMinutes(1)));
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromMinutes(1));
        FailAndExpectStop(child);
    }

    [Fact]
    public void ThreeWithinOneMinute_AfterWindowPasses_RestartsAllowedAgain()
    {
        var child = SpawnChild(Restarting(3, TimeSpan.FromMinutes(1)));
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromSeconds(61));

        // A new window opens at this failure: three more are allowed in it, the fourth stops the child.
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);
        FailAndExpectStop(child);
    }

    [Fact]
    public void ThreeWithinOneMinute_WindowOpensAtFirstRestart_IsNotSliding()
    {
        var child = SpawnChild(Restarting(3, TimeSpan.FromMinutes(1)));
        FailAndExpectRestart(child);           // t=0: the window opens
        Advance(TimeSpan.FromSeconds(50));
        FailAndExpectRestart(child);           // t=50
        Advance(TimeSpan.FromSeconds(5));
        FailAndExpectRestart(child);           // t=55
        Advance(TimeSpan.FromSeconds(6));
        FailAndExpectRestart(child);           // t=61: outside the window opened at 0, a new one opens
        Advance(TimeSpan.FromSeconds(1));

        // A sliding window would now count 50, 55, 61 and 62 (four in the last minute) and stop the child.
        FailAndExpectRestart(child);           // t=62
    }

    [Fact]
    public void NegativeRetriesWithWindow_SecondFailureInWindow_StopsChild()
    {
        var child = SpawnChild(Restarting(-1, TimeSpan.FromMinutes(1)));
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromSeconds(30));
        FailAndExpectStop(child);
    }

    [Fact]
    public void NullRetriesWithWindow_OnePerWindow_RestartsAgainInNextWindow()
    {
        var child = SpawnChild(Restarting(null, TimeSpan.FromMinutes(1)));
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromSeconds(61));
        FailAndExpectRestart(child);
        Advance(TimeSpan.FromSeconds(61));
        FailAndExpectRestart(child);
        FailAndExpectStop(child);
    }

    [Fact]
    public void RetryLimit_ResumeDirective_DoesNotConsumeRetries()
    {
        int calls = 0;
        var strategy = new OneForOneStrategy(1, null, _ => Interlocked.Increment(ref calls) <= 3 ? Directive.Resume : Directive.Restart, loggingEnabled: false);
        var child = SpawnChild(strategy);
        for (int i = 0; i < 3; i++)
        {
            child.Tell(new Fail(new TestException()));
        }

        ExpectNoMsg();
        _life.ExpectNoMsg();
        FailAndExpectRestart(child);
        FailAndExpectStop(child);
    }

    [Fact]
    public void SupervisorStrategy_Constructor_NormalizesLimits()
    {
        Assert.Equal(-1, new OneForOneStrategy(null, null, SupervisorStrategy.DefaultDecider).MaxNumberOfRetries);
        Assert.Equal(-1, new OneForOneStrategy(-7, null, SupervisorStrategy.DefaultDecider).MaxNumberOfRetries);
        Assert.Equal(0, new AllForOneStrategy(0, null, SupervisorStrategy.DefaultDecider).MaxNumberOfRetries);
        Assert.Null(new OneForOneStrategy(3, TimeSpan.Zero, SupervisorStrategy.DefaultDecider).WithinTimeRange);
        Assert.Null(new OneForOneStrategy(3, Timeout.InfiniteTimeSpan, SupervisorStrategy.DefaultDecider).WithinTimeRange);
        Assert.Equal(TimeSpan.FromMinutes(1), new OneForOneStrategy(3, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider).WithinTimeRange);
    }
}
