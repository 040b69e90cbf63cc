using Actors.Chaos.Configuration;

namespace Actors.Chaos.Tests.Configuration;

public sealed class ChaosRateTests
{
    [Theory]
    [InlineData("1/s", 1)]
    [InlineData("2", 2)]
    [InlineData("0.5", 0.5)]
    [InlineData("30/min", 0.5)]
    [InlineData("60/h", 1.0 / 60)]
    [InlineData("1/h", 1.0 / 3600)]
    [InlineData("20/s", 20)]
    [InlineData("500ms", 2)]
    [InlineData("2s", 0.5)]
    [InlineData("1m", 1.0 / 60)]
    [InlineData(" 4 / s ", 4)]
    public void TryParse_AllowedForms_GiveFaultsPerSecond(string text, double expected)
    {
        Assert.True(ChaosRate.TryParse(text, out double perSecond, out string? error), error);
        Assert.Equal(expected, perSecond, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("-1")]
    [InlineData("1/d")]
    [InlineData("10ms")]
    [InlineData("2h")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void TryParse_RefusedForms_SayTheAllowedRange(string text)
    {
        Assert.False(ChaosRate.TryParse(text, out _, out string? error));
        Assert.Contains("from 1/h to 20/s", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "2/s")]
    [InlineData(0.5, "30/min")]
    [InlineData(1.0 / 3600, "1/h")]
    public void Format_ReadsBack(double perSecond, string text)
    {
        Assert.Equal(text, ChaosRate.Format(perSecond));
        Assert.True(ChaosRate.TryParse(text, out double back, out _));
        Assert.Equal(perSecond, back, 9);
    }
}
