using Actors.Feeds.Protocol;
using Actors.Feeds.Signals;
using Actors.Feeds.Tests.Support;

namespace Actors.Feeds.Tests.Protocol;

public sealed class FrameParserTests
{
    [Fact]
    public void TryParse_TickerAndBookDelta_ReadsSequenceAndPrices()
    {
        Assert.True(FrameParser.TryParse(Frames.Ticker("BTCUSDT", 7, 50000.5m), out FeedFrame t, out _));
        Assert.Equal(new FeedFrame(FeedFrameKind.Ticker, "BTCUSDT", 7, 50000.5m, 0, 0), t);
        Assert.True(FrameParser.TryParse(Frames.Book("BTCUSDT", 8, 99m, 101m), out FeedFrame b, out _));
        Assert.Equal(new FeedFrame(FeedFrameKind.BookDelta, "BTCUSDT", 8, 100m, 99m, 101m), b);
        Assert.True(FrameParser.TryParse("{\"op\":\"pong\",\"success\":true}", out FeedFrame c, out _));
        Assert.Equal(FeedFrameKind.Control, c.Kind);
    }

    [Theory]
    [InlineData("}{ not json \u0001")]
    [InlineData("[1,2]")]
    [InlineData("{\"topic\":\"tickers.BTCUSDT\",\"data\":{}}")]
    [InlineData("{\"topic\":\"tickers.BTCUSDT\",\"seq\":1,\"data\":{\"lastPrice\":\"abc\"}}")]
    [InlineData("{\"topic\":\"trades.BTCUSDT\",\"seq\":1,\"data\":{}}")]
    public void TryParse_Garbage_FalseWithReasonNeverThrows(string text)
    {
        Assert.False(FrameParser.TryParse(text, out _, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void CrossoverIndicator_PriceTurnsUpAfterFalling_BuyOnceThenHold()
    {
        var indicator = new CrossoverIndicator(2, 4);
        var sides = new List<SignalSide>();
        decimal[] prices = [100, 99, 98, 97, 96, 95, 96, 98, 100, 102, 104];
        for (int i = 0; i < prices.Length; i++)
        {
            sides.Add(indicator.Next(new FeedFrame(FeedFrameKind.Ticker, "X", i + 1, prices[i], 0, 0)).Side);
        }

        Assert.Equal(1, sides.Count(s => s == SignalSide.Buy));
        Assert.Equal(0, sides.Count(s => s == SignalSide.Sell));
        Assert.Equal(SignalSide.Hold, indicator.Next(new FeedFrame(FeedFrameKind.BookDelta, "X", 99, 1, 1, 1)).Side);
    }
}
