using Actors.Feeds.Configuration;
using Actors.Hocon;

namespace Actors.Feeds.Tests.Configuration;

public sealed class FeedsConfigReaderTests
{
    [Fact]
    public void Read_NoFeedsSection_ServiceDefaults()
    {
        FeedsOptions o = FeedsConfigReader.Read(ConfigurationFactory.ParseString(string.Empty));
        Assert.Equal(TimeSpan.FromSeconds(1), o.MinBackoff);
        Assert.Equal(TimeSpan.FromSeconds(30), o.MaxBackoff);
        Assert.Equal(0.2, o.RandomFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(600), o.Confirm.Timeout);
        Assert.Equal(3, o.Confirm.Attempts);
        Assert.Equal(0.5, o.Confirm.FallbackBias);
        Assert.Null(o.Confirm.Url);
        Assert.Empty(o.Symbols);
    }

    [Theory]
    [InlineData("actors.feeds.backoff.max = 10ms", "actors.feeds.backoff.max", "at least backoff.min")]
    [InlineData("actors.feeds.indicator { fast = 5, slow = 5 }", "actors.feeds.indicator.slow", "greater than indicator.fast")]
    [InlineData("actors.feeds.url = \"http://x/ws\"", "actors.feeds.url", "ws:// or wss://")]
    [InlineData("actors.feeds.confirm.fallback-bias = 2", "actors.feeds.confirm.fallback-bias", "from 0 to 1")]
    [InlineData("actors.feeds.stale-after = fast", "actors.feeds.stale-after", "")]
    public void Read_BadValue_ErrorNamesFileLineAndPath(string hocon, string path, string detail)
    {
        HoconException e = Assert.Throws<HoconException>(() => FeedsConfigReader.Read(ConfigurationFactory.ParseString("\n" + hocon)));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(":2:", e.Message, StringComparison.Ordinal);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
    }
}
