namespace Actors.Tests.Scheduling;

public sealed class SchedulerTests : TestKit.TestKit
{
    [Fact]
    public void ScheduleTellOnce_DelayElapses_DeliversOnceWithSender()
    {
        var probe = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "once", probe);
        Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("once");
        Assert.Equal(probe.Ref, LastSender);
        Advance(TimeSpan.FromMinutes(10));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellRepeatedly_EachInterval_DeliversAgain()
    {
        Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "tick", null);
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        Advance(TimeSpan.FromSeconds(1));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        Advance(TimeSpan.FromSeconds(4));
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellOnceCancelable_CancelledBeforeDue_NeverDelivers()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(5), TestActor, "never", null);
        Advance(TimeSpan.FromSeconds(4));
        cancelable.Cancel();
        Assert.True(cancelable.IsCancellationRequested);
        Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellRepeatedlyCancelable_Cancelled_StopsRepeating()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick", null);
        Advance(TimeSpan.FromSeconds(2));
        ExpectMsg("tick");
        ExpectMsg("tick");
        cancelable.Cancel();
        Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellOnce_AlreadyCancelledCancelable_NeverDelivers()
    {
        using var cancelable = new Cancelable();
        cancelable.Cancel();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "never", null, cancelable);
        Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleOnceCancelable_Action_RunsOnlyWhenNotCancelled()
    {
        int a = 0, b = 0;
        Sys.Scheduler.ScheduleOnceCancelable(TimeSpan.FromSeconds(1), () => a++);
        var cancelB = Sys.Scheduler.ScheduleOnceCancelable(TimeSpan.FromSeconds(1), () => b++);
        cancelB.Cancel();
        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, a);
        Assert.Equal(0, b);
    }

    [Fact]
    public void ScheduleRepeatedlyCancelable_Action_RunsEachInterval()
    {
        int runs = 0;
        var cancelable = Sys.Scheduler.ScheduleRepeatedlyCancelable(TimeSpan.Zero, TimeSpan.FromSeconds(1), () => runs++);
        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(4, runs);
        cancelable.Cancel();
        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(4, runs);
    }

    [Fact]
    public void Scheduler_Now_FollowsVirtualClock()
    {
        DateTimeOffset before = Sys.Scheduler.Now;
        Advance(TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.FromHours(2), Sys.Scheduler.Now - before);
    }

    [Fact]
    public void ScheduleTellRepeatedly_NonPositiveInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, TestActor, "x", null));
    }
}
