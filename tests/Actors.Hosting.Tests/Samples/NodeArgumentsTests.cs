using Actors.Samples.Node;

namespace Actors.Hosting.Tests.Samples;

/// <summary>The node sample's command line: <c>--duration 60</c> once ran 60 ms, and bad input crashed or was ignored.</summary>
public sealed class NodeArgumentsTests
{
    [Theory]
    [InlineData("60", 60)]
    [InlineData("60s", 60)]
    [InlineData("1m", 60)]
    [InlineData("10s", 10)]
    public void Parse_Duration_SecondsOrMinutes(string text, int seconds)
    {
        NodeArguments? parsed = NodeArguments.Parse(["--duration", text], out string? error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), parsed!.Duration);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5m")]
    [InlineData("60ms")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1h")]
    public void Parse_BadDuration_RefusedNamingTheValue(string text)
    {
        Assert.Null(NodeArguments.Parse(["--duration", text], out string? error));
        Assert.StartsWith("--duration", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration")]
    [InlineData("--bogus")]
    [InlineData("extra")]
    public void Parse_MissingValueOrUnknownArgument_Refused(string argument)
    {
        Assert.Null(NodeArguments.Parse([argument], out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_NoArguments_RunsUntilStoppedWithLoadAndWithoutChaos()
    {
        NodeArguments parsed = NodeArguments.Parse([], out _)!;

        Assert.Null(parsed.Duration);
        Assert.False(parsed.NoLoad);
        Assert.False(parsed.Chaos);
        Assert.False(parsed.Help);
        Assert.True(NodeArguments.Parse(["--help"], out _)!.Help);
    }

    [Fact]
    public void Parse_Flags_AnyOrderWithDuration()
    {
        NodeArguments parsed = NodeArguments.Parse(["--chaos", "--duration", "2m", "--no-load"], out string? error)!;

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMinutes(2), parsed.Duration);
        Assert.True(parsed.NoLoad);
        Assert.True(parsed.Chaos);
    }
}
