using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Parsing;

/// <summary>Error messages name origin, line, column (1-based) and path exactly.</summary>
public sealed class ErrorPositionTests
{
    private static HoconException ErrorIn(string text) =>
        Assert.Throws<HoconException>(() => ConfigurationFactory.ParseString(text, new HoconParseOptions
        {
            OriginDescription = "hocon/node.conf",
            Environment = _ => null,
        }).Root);

    [Theory]
    [InlineData("a = 1\nb = \"abc", "hocon/node.conf:2:5: b: unterminated quoted string")]
    [InlineData("a {\n  b = ^\n}", "hocon/node.conf:2:7: a.b: expected a value, found '^' (a reserved character; put it in quotes)")]
    [InlineData("a {\n  b = x ^\n}", "hocon/node.conf:2:9: a.b: expected ',' or a newline after a field, found '^' (a reserved character; put it in quotes)")]
    [InlineData("a = [1,\n   2 [3]]\n", "hocon/node.conf:2:6: a: cannot concatenate an array with a string")]
    [InlineData("x {\n  y = [1,\n    2\n", "hocon/node.conf:2:7: x.y: unterminated array: expected ']' before the end of input")]
    [InlineData("x {\n  y = 1\n", "hocon/node.conf:1:3: x: unterminated object: expected '}' before the end of input")]
    [InlineData("a.b.c = \"x\\qy\"", "hocon/node.conf:1:11: a.b.c: invalid escape '\\q' in a quoted string")]
    [InlineData("a = 1\n\n  b..c = 2", "hocon/node.conf:3:5: empty segment in key")]
    [InlineData("k = ${a.b", "hocon/node.conf:1:5: k: unterminated substitution")]
    [InlineData("a = 1\nb = ${missing.path}", "hocon/node.conf:2:5: b: could not resolve substitution ${missing.path}")]
    [InlineData("a = ${b}\nb = ${a}", "hocon/node.conf:2:5: b: cycle in substitutions: a -> b -> a")]
    [InlineData("include classpath(\"x\")", "hocon/node.conf:1:9: include classpath(...) is not supported")]
    [InlineData("a = [1]\nb = ${a} x", "hocon/node.conf:2:10: b: cannot concatenate an array with a string")]
    public void Parse_Error_ReportsExactPosition(string text, string expectedPrefix)
    {
        var e = ErrorIn(text);
        Assert.StartsWith(expectedPrefix, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Error_ExposesStructuredFields()
    {
        var e = ErrorIn("a {\n  b = ^\n}");
        Assert.Equal("hocon/node.conf", e.Origin);
        Assert.Equal(2, e.Line);
        Assert.Equal(7, e.Column);
        Assert.Equal("a.b", e.Path);
        Assert.StartsWith("expected a value", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TabsAndUnicode_CountAsOneColumn()
    {
        var e = ErrorIn("\té = \"x\\z\"");
        Assert.Equal(1, e.Line);
        Assert.Equal(8, e.Column);
    }

    [Fact]
    public void Getter_TypeError_UsesValueOrigin()
    {
        var config = ConfigurationFactory.ParseString("a {\n  b {\n    c = [1]\n  }\n}", "conf/x.conf");
        var e = Assert.Throws<HoconException>(() => config.GetString("a.b.c"));
        Assert.Equal("conf/x.conf:3:9: a.b.c: expected a string, found a list", e.Message);
    }
}
