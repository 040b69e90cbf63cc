using Actors.TestKit;
using Actors.Tests.Support;

// Not Actors.Tests.TestKit: that namespace would hide the kit's TestKit class from every other test.
namespace Actors.Tests.TestKitTests;

public sealed class ExpectationTests : Actors.TestKit.TestKit
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void ExpectMsg_ByValue_ReturnsMessage()
    {
        TestActor.Tell("a");
        Assert.Equal("a", ExpectMsg("a"));
    }

    [Fact]
    public void ExpectMsg_WrongValue_Throws()
    {
        TestActor.Tell("a");
        var e = Assert.Throws<TestKitException>(() => ExpectMsg("b"));
        Assert.Contains("\"b\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_ByTypeAndPredicate_ChecksBoth()
    {
        TestActor.Tell(5);
        TestActor.Tell(6);
        Assert.Equal(5, ExpectMsg<int>(i => i == 5));
        Assert.Throws<TestKitException>(() => ExpectMsg<int>(i => i == 5, hint: "five"));
        TestActor.Tell("text");
        Assert.Throws<TestKitException>(() => ExpectMsg<int>());
    }

    [Fact]
    public void ExpectMsg_WithAssertion_RunsIt()
    {
        TestActor.Tell(3);
        ExpectMsg<int>(i => Assert.Equal(3, i));
        TestActor.Tell(4);
        Assert.ThrowsAny<Exception>(() => ExpectMsg<int>(i => Assert.Equal(3, i)));
    }

    [Fact]
    public void ExpectMsg_NothingArrives_TimesOut()
    {
        var e = Assert.Throws<TestKitException>(() => ExpectMsg<string>(s_short));
        Assert.Contains("Timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsgFrom_ChecksSender()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("x", probe);
        ExpectMsgFrom<string>(probe);
        TestActor.Tell("y", probe);
        Assert.Throws<TestKitException>(() => ExpectMsgFrom<string>(TestActor));
    }

    [Fact]
    public void ExpectMsgAllOf_AnyOrder_Passes()
    {
        TestActor.Tell(2);
        TestActor.Tell(1);
        TestActor.Tell(3);
        Assert.Equal(3, ExpectMsgAllOf(1, 2, 3).Count);
    }

    [Fact]
    public void ExpectMsgAllOf_Unexpected_Throws()
    {
        TestActor.Tell(1);
        TestActor.Tell(9);
        Assert.Throws<TestKitException>(() => ExpectMsgAllOf(1, 2));
    }

    [Fact]
    public void ExpectMsgAnyOf_OneMatches_ReturnsIt()
    {
        TestActor.Tell("b");
        Assert.Equal("b", ExpectMsgAnyOf("a", "b"));
        TestActor.Tell("c");
        Assert.Throws<TestKitException>(() => ExpectMsgAnyOf("a", "b"));
    }

    [Fact]
    public void ExpectNoMsg_QueueEmpty_Passes()
    {
        ExpectNoMsg();
    }

    [Fact]
    public void ExpectNoMsg_MessageInFlight_Fails()
    {
        var forwarder = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody));
        forwarder.Tell("echo", TestActor);   // arrives asynchronously; ExpectNoMsg waits for idle first
        Assert.Throws<TestKitException>(() => ExpectNoMsg());
    }

    [Fact]
    public void ExpectNoMsgDuration_OnVirtualTime_AdvancesClockAndCatchesScheduledMessage()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(10), TestActor, "late", null);
        ExpectNoMsg(TimeSpan.FromSeconds(9));
        Assert.Equal(TimeSpan.FromSeconds(9), Clock!.Elapsed);
        Assert.Throws<TestKitException>(() => ExpectNoMsg(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void FishForMessage_SkipsUntilMatch()
    {
        TestActor.Tell(1);
        TestActor.Tell("skip");
        TestActor.Tell(42);
        TestActor.Tell("after");
        Assert.Equal(42, FishForMessage<int>(i => i > 10));
        ExpectMsg("after");
    }

    [Fact]
    public void FishForMessage_NoMatch_ThrowsListingSkipped()
    {
        TestActor.Tell("skip-me");
        var e = Assert.Throws<TestKitException>(() => FishForMessage(m => m is int, s_short));
        Assert.Contains("skip-me", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiveWhile_StopsAtFirstNonMatchingAndLeavesIt()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");
        TestActor.Tell(3);
        TestActor.Tell("c");
        var strings = ReceiveWhile(m => m as string);
        Assert.Equal(["a", "b"], strings);
        ExpectMsg(3);
        ExpectMsg("c");
    }

    [Fact]
    public void ReceiveWhile_MessageLimit_StopsAtLimit()
    {
        for (int i = 0; i < 5; i++)
        {
            TestActor.Tell($"m{i}");
        }

        Assert.Equal(["m0", "m1"], ReceiveWhile(m => m as string, msgs: 2));
        Assert.Equal(3, ReceiveWhile(m => m as string).Count);
    }

    [Fact]
    public void ReceiveN_ReceivesInOrder()
    {
        TestActor.Tell(1);
        TestActor.Tell(2);
        Assert.Equal([1, 2], ReceiveN(2));
        Assert.Throws<TestKitException>(() => ReceiveN(1, s_short));
    }

    [Fact]
    public void Within_VirtualTimeInsideBound_Passes()
    {
        Within(TimeSpan.FromSeconds(5), () => Advance(TimeSpan.FromSeconds(5)));
        Within(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), () => Advance(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Within_VirtualTimeOverMax_Throws()
    {
        Assert.Throws<TestKitException>(() => Within(TimeSpan.FromSeconds(5), () => Advance(TimeSpan.FromSeconds(6))));
    }

    [Fact]
    public void Within_VirtualTimeUnderMin_Throws()
    {
        Assert.Throws<TestKitException>(() => Within(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), () => Advance(TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void Within_ExpectationsInside_ShareRemainingTime()
    {
        Within(TimeSpan.FromSeconds(10), () =>
        {
            Advance(TimeSpan.FromSeconds(10));
            // No virtual time left: an expectation with nothing queued fails at once instead of waiting 3 s.
            Assert.Throws<TestKitException>(() => ExpectMsg<string>());
        });
    }

    [Fact]
    public void AwaitAssert_EventuallyTrue_Passes()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody));
        int seen = 0;
        var probe = CreateTestProbe();
        actor.Tell("ping", probe);
        AwaitAssert(() =>
        {
            if (probe.HasMessages)
            {
                seen++;
            }

            Assert.True(seen > 0);
        });
    }

    [Fact]
    public void AwaitAssert_NeverTrue_RethrowsAfterDuration()
    {
        Assert.Throws<InvalidOperationException>(() => AwaitAssert(() => throw new InvalidOperationException("never"), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public void AwaitCondition_NeverTrue_ThrowsWithMessage()
    {
        var e = Assert.Throws<TestKitException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(100), "the impossible"));
        Assert.Contains("the impossible", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectTerminated_WatchedActorStops_Passes()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody));
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        Assert.Equal(actor, ExpectTerminated(actor).ActorRef);
    }

    [Fact]
    public void Unwatch_ThenStop_NoTerminated()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(ActorRefs.Nobody));
        Watch(actor);
        Unwatch(actor);
        actor.Tell(PoisonPill.Instance);
        ExpectNoMsg();
    }

    [Fact]
    public void HasMessages_ReflectsQueue()
    {
        Assert.False(HasMessages);
        TestActor.Tell("x");
        AwaitIdle();
        Assert.True(HasMessages);
        ExpectMsg("x");
        Assert.False(HasMessages);
    }

    [Fact]
    public void LastSenderAndLastMessage_TrackLastReceived()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("m", probe);
        ExpectMsg("m");
        Assert.Equal(probe.Ref, LastSender);
        Assert.Equal("m", LastMessage);
    }
}

public sealed class TestProbeTests : Actors.TestKit.TestKit
{
    [Fact]
    public void Reply_SendsToLastSenderFromProbe()
    {
        var probe = CreateTestProbe();
        probe.Tell("question", TestActor);
        probe.ExpectMsg("question");
        probe.Reply("answer");
        ExpectMsg("answer");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public void Forward_KeepsOriginalSender()
    {
        var probe = CreateTestProbe();
        var target = CreateTestProbe();
        probe.Tell("hop", TestActor);
        probe.ExpectMsg("hop");
        probe.Forward(target);
        target.ExpectMsg("hop");
        Assert.Equal(TestActor, target.LastSender);
    }

    [Fact]
    public void Send_UsesProbeAsSender()
    {
        var probe = CreateTestProbe();
        probe.Send(TestActor, "from probe");
        ExpectMsg("from probe");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public void Probe_IsActorRefEqualToItsRef()
    {
        var probe = CreateTestProbe("named");
        Assert.Equal("named", probe.Path.Name);
        Assert.True(probe.Equals(probe.Ref));
        Assert.Equal(probe.Ref.GetHashCode(), probe.GetHashCode());
    }

    [Fact]
    public void Probes_HaveSeparateQueues()
    {
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        p1.Tell("one", null);
        p2.ExpectNoMsg();
        p1.ExpectMsg("one");
    }

    [Fact]
    public void Forward_NothingReceived_Throws()
    {
        var probe = CreateTestProbe();
        Assert.Throws<TestKitException>(() => probe.Forward(TestActor));
    }

    [Fact]
    public void Probe_CanBeWatchedThroughWrapper()
    {
        var probe = CreateTestProbe();
        Watch(probe);
        Sys.Stop(probe);
        ExpectTerminated(probe.Ref);
    }
}
