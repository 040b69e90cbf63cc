using Actors.TestKit;

// Not Actors.Tests.TestKit: that namespace would hide the kit's TestKit class from every other test.
namespace Actors.Tests.TestKitTests;

public sealed class VirtualTimeProviderTests
{
    [Fact]
    public void Advance_FiresDueTimersInOrder()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<string>();
        using var b = clock.CreateTimer(_ => fired.Add("b"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var a = clock.CreateTimer(_ => fired.Add("a"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var c = clock.CreateTimer(_ => fired.Add("c"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["a", "b"], fired);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
        Assert.Equal(1, clock.PendingTimers);
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresEachPeriod()
    {
        var clock = new VirtualTimeProvider();
        int count = 0;
        using var t = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(5, count);
    }

    [Fact]
    public void Dispose_Timer_NeverFires()
    {
        var clock = new VirtualTimeProvider();
        bool fired = false;
        var t = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        t.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(fired);
        Assert.False(t.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void Change_Reschedules()
    {
        var clock = new VirtualTimeProvider();
        int fired = 0;
        using var t = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        t.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void GetUtcNowAndTimestamp_MoveWithAdvance()
    {
        var start = new DateTimeOffset(2030, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new VirtualTimeProvider(start);
        long t0 = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(start.AddMinutes(3), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(3), clock.GetElapsedTime(t0));
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualTimeProvider().Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task TaskDelay_OnVirtualClock_CompletesOnlyWhenAdvanced()
    {
        var clock = new VirtualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
