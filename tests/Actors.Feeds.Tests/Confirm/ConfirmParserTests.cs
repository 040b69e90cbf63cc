using Actors.Feeds.Confirm;

namespace Actors.Feeds.Tests.Confirm;

public sealed class ConfirmParserTests
{
    [Theory]
    [InlineData("{\"bias\":0.7}", 0.7)]
    [InlineData("```json\n{\"bias\": 0.25}\n```", 0.25)]
    [InlineData("```\n{ \"bias\": \"0.6\" }\n```", 0.6)]
    [InlineData("I think {maybe} the answer is {\"bias\": 1, \"why\": \"a } in a string\"} thanks", 1.0)]
    [InlineData("{\"other\": {\"x\": 1}} and then {\"bias\": 0}", 0.0)]
    [InlineData("{\"bias\": 0.4, // a comment\n }", 0.4)]
    public void TryParse_WrappedOrPlainObject_ReadsBias(string body, double expected)
    {
        Assert.True(ConfirmParser.TryParse(body, out double bias, out string? error), error);
        Assert.Equal(expected, bias, 6);
    }

    [Theory]
    [InlineData("", "empty response")]
    [InlineData("no json here", "no JSON object")]
    [InlineData("{\"confidence\": 0.9}", "no JSON object")]
    [InlineData("{\"bias\": 1.5}", "from 0 to 1")]
    [InlineData("{\"bias\": \"high\"}", "from 0 to 1")]
    [InlineData("{\"bias\": 0.5", "no JSON object")]
    public void TryParse_NoUsableBias_FailsWithReason(string body, string reason)
    {
        Assert.False(ConfirmParser.TryParse(body, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
