using Actors.Feeds.Configuration;
using Actors.Feeds.Paper;
using Actors.Feeds.Signals;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Feeds.Tests.Paper;

/// <summary>The paper executor's own breaker, on virtual time (its reset follows the TestScheduler).</summary>
public sealed class PaperExecutorTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"", output)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExecuteAsync_NoBookRepeatedly_BreakerOpensThenResetsAndFills()
    {
        var book = new PaperBook("BTCUSDT", 10);
        var executor = new PaperExecutor(book, new PaperOptions { BreakerMaxFailures = 2, BreakerResetTimeout = TimeSpan.FromSeconds(30) }, Sys.Scheduler);
        Assert.Null(await executor.ExecuteAsync(T0, SignalSide.Buy, 0.9));
        Assert.Null(await executor.ExecuteAsync(T0, SignalSide.Buy, 0.9));
        Assert.Equal(2, executor.Rejected);
        Assert.Equal("open", executor.BreakerState);

        book.Update(99m, 101m);
        Assert.Null(await executor.ExecuteAsync(T0, SignalSide.Buy, 0.9));
        Assert.Equal(1, executor.BreakerOpenRejections);

        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("half-open", executor.BreakerState);
        PaperFill? fill = await executor.ExecuteAsync(T0, SignalSide.Buy, 0.9);
        Assert.Equal(new PaperFill(T0, SignalSide.Buy, 1m, 101m, 0.9), fill);
        Assert.Equal("closed", executor.BreakerState);
        PaperPosition p = book.Read(5);
        Assert.Equal(1m, p.Position);
        Assert.Equal(-101m, p.Cash);
    }

    [Theory]
    [InlineData(SignalSide.Buy, 0.5, false)]
    [InlineData(SignalSide.Buy, 0.51, true)]
    [InlineData(SignalSide.Sell, 0.49, true)]
    [InlineData(SignalSide.Sell, 0.9, false)]
    [InlineData(SignalSide.Hold, 0.9, false)]
    public void Convinced_NeutralFallbackNeverTrades(SignalSide side, double bias, bool expected)
    {
        var executor = new PaperExecutor(new PaperBook("X", 1), new PaperOptions(), Sys.Scheduler);
        Assert.Equal(expected, executor.Convinced(side, bias));
    }
}
