using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Parsing;

/// <summary>Each syntax feature of the HOCON specification, with a positive and a negative case.</summary>
public sealed class HoconParserSyntaxTests
{
    [Fact]
    public void ParseString_OmittedRootBraces_ReadsFields()
    {
        var c = TestHocon.Parse("a = 1\nb = two");
        Assert.Equal(1, c.GetInt("a"));
        Assert.Equal("two", c.GetString("b"));
    }

    [Fact]
    public void ParseString_UnbalancedClosingBraceWithoutRootBraces_Throws()
    {
        var e = TestHocon.ParseError("a = 1\n}");
        Assert.Contains("'}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseString_RootBraces_ReadsFields() =>
        Assert.Equal(1, TestHocon.Parse("{ a = 1 }").GetInt("a"));

    [Fact]
    public void ParseString_UnterminatedRootBrace_Throws() =>
        Assert.Contains("unterminated object", TestHocon.ParseError("{ a = 1").Message, StringComparison.Ordinal);

    [Fact]
    public void ParseString_ContentAfterRootObject_Throws() =>
        Assert.Contains("after the root object", TestHocon.ParseError("{ a = 1 } b = 2").Message, StringComparison.Ordinal);

    [Fact]
    public void ParseString_RootArray_Throws() =>
        Assert.Contains("must be an object", TestHocon.ParseError("[1, 2]").Message, StringComparison.Ordinal);

    [Fact]
    public void ParseString_EmptyText_IsEmpty()
    {
        Assert.True(TestHocon.Parse(string.Empty).IsEmpty);
        Assert.True(TestHocon.Parse("  \n # only a comment\n").IsEmpty);
    }

    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1")]
    [InlineData("a:1")]
    public void ParseString_EqualsOrColon_Separates(string text) => Assert.Equal(1, TestHocon.Parse(text).GetInt("a"));

    [Fact]
    public void ParseString_OmittedSeparatorBeforeBrace_ReadsObject() =>
        Assert.Equal(2, TestHocon.Parse("a { b = 2 }").GetInt("a.b"));

    [Fact]
    public void ParseString_OmittedSeparatorBeforeNonObject_Throws() =>
        Assert.Contains("expected ':', '=' or '{'", TestHocon.ParseError("a 1").Message, StringComparison.Ordinal);

    [Fact]
    public void ParseString_CommasOrNewlines_SeparateFields()
    {
        var c = TestHocon.Parse("a = 1, b = 2\nc = 3,\nd = [1, 2,\n 3\n 4,]");
        Assert.Equal(3, c.GetInt("c"));
        Assert.Equal([1, 2, 3, 4], c.GetIntList("d"));
    }

    [Theory]
    [InlineData("a = 1 b = 2")]
    [InlineData("a = 1,, b = 2")]
    [InlineData("{ , a = 1 }")]
    [InlineData("a = [1,,2]")]
    [InlineData("a = [,1]")]
    [InlineData("a = [1 2 }")]
    public void ParseString_BadSeparators_Throws(string text) => TestHocon.ParseError(text);

    [Fact]
    public void ParseString_TrailingComma_IsAllowed()
    {
        var c = TestHocon.Parse("{ a = [1, 2,], b = 3, }");
        Assert.Equal(2, c.GetIntList("a").Count);
        Assert.Equal(3, c.GetInt("b"));
    }

    [Fact]
    public void ParseString_Comments_AreIgnored()
    {
        var c = TestHocon.Parse("# hash\n// slashes\na = 1 # trailing\nb = \"x#y//z\" // trailing\nc = foo//bar");
        Assert.Equal(1, c.GetInt("a"));
        Assert.Equal("x#y//z", c.GetString("b"));
        Assert.Equal("foo", c.GetString("c"));
    }

    [Fact]
    public void ParseString_CommentHidesClosingBrace_Throws() =>
        TestHocon.ParseError("{ a = 1 # }");

    [Fact]
    public void ParseString_PathKeys_CreateNestedObjects()
    {
        var c = TestHocon.Parse("a.b.c = 1\na.b.d = 2\n\"x.y\".z = 3\na . \"q r\" = 4");
        Assert.Equal(1, c.GetInt("a.b.c"));
        Assert.Equal(2, c.GetInt("a.b.d"));
        Assert.Equal(3, c.GetInt("\"x.y\".z"));
        Assert.Equal(["x.y"], c.GetKeys("").Where(k => k == "x.y"));
    }

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData(".a = 1")]
    [InlineData("a. = 1")]
    [InlineData("= 1")]
    public void ParseString_BadPathKeys_Throws(string text) => TestHocon.ParseError(text);

    [Fact]
    public void ParseString_DuplicateObjects_Merge()
    {
        var c = TestHocon.Parse("a { x = 1, y = 1 }\na { y = 2, z = 2 }\na.w = 3");
        Assert.Equal(1, c.GetInt("a.x"));
        Assert.Equal(2, c.GetInt("a.y"));
        Assert.Equal(2, c.GetInt("a.z"));
        Assert.Equal(3, c.GetInt("a.w"));
        Assert.Equal(["x", "y", "z", "w"], c.GetKeys("a"));
    }

    [Fact]
    public void ParseString_LaterNonObject_ReplacesObject()
    {
        Assert.Equal(5, TestHocon.Parse("a { x = 1 }\na = 5").GetInt("a"));
        Assert.False(TestHocon.Parse("a = 5\na { x = 1 }").HasPath("a.y"));
        Assert.Equal(1, TestHocon.Parse("a = 5\na { x = 1 }").GetInt("a.x"));
        Assert.Equal(2, TestHocon.Parse("a { x = 1 }\na = 5\na { y = 2 }").GetInt("a.y"));
        Assert.False(TestHocon.Parse("a { x = 1 }\na = 5\na { y = 2 }").HasPath("a.x"));
    }

    [Fact]
    public void ParseString_StringConcatenation_KeepsInnerWhitespace()
    {
        var c = TestHocon.Parse("a = foo  bar\tbaz   \nb = \"x\" \"y\"z\nc = 1 2\nd = true false\ne = ${a} !?".Replace("!?", "\"!\"", StringComparison.Ordinal));
        Assert.Equal("foo  bar\tbaz", c.GetString("a"));
        Assert.Equal("x yz", c.GetString("b"));
        Assert.Equal("1 2", c.GetString("c"));
        Assert.Equal("true false", c.GetString("d"));
        Assert.Equal("foo  bar\tbaz !", c.GetString("e"));
    }

    [Fact]
    public void ParseString_ArrayAndObjectConcatenation_Combines()
    {
        var c = TestHocon.Parse("a = [1, 2] [3]\nb = { x = 1 } { y = 2 }\nbase { p = 1 }\nd = ${base} { q = 2 }");
        Assert.Equal([1, 2, 3], c.GetIntList("a"));
        Assert.Equal(1, c.GetInt("b.x"));
        Assert.Equal(2, c.GetInt("b.y"));
        Assert.Equal(1, c.GetInt("d.p"));
        Assert.Equal(2, c.GetInt("d.q"));
    }

    [Theory]
    [InlineData("a = [1] foo")]
    [InlineData("a = { x = 1 } [1]")]
    [InlineData("a = foo { x = 1 }")]
    [InlineData("b = [1]\na = x ${b}")]
    public void ParseString_MixedConcatenation_Throws(string text) =>
        Assert.Contains("cannot concatenate", TestHocon.ParseError(text).Message, StringComparison.Ordinal);

    [Fact]
    public void ParseString_QuotedStringEscapes_AreDecoded() =>
        Assert.Equal("t\tn\nq\"b\\s/u\u00e9A\b\f\r", TestHocon.Parse("a = \"t\\tn\\nq\\\"b\\\\s\\/u\\u00e9\\u0041\\b\\f\\r\"").GetString("a"));

    [Theory]
    [InlineData("a = \"\\q\"", "invalid escape")]
    [InlineData("a = \"abc", "unterminated quoted string")]
    [InlineData("a = \"ab\nc\"", "newline inside a quoted string")]
    [InlineData("a = \"\\u12\"", "\\u escape")]
    public void ParseString_BadQuotedString_Throws(string text, string message) =>
        Assert.Contains(message, TestHocon.ParseError(text).Message, StringComparison.Ordinal);

    [Fact]
    public void ParseString_TripleQuotedString_KeepsRawText()
    {
        var c = TestHocon.Parse("a = \"\"\"line1\n  \"quoted\" \\n\nline3\"\"\"\nb = \"\"\"x\"\"\"\"");
        Assert.Equal("line1\n  \"quoted\" \\n\nline3", c.GetString("a"));
        Assert.Equal("x\"", c.GetString("b"));
    }

    [Fact]
    public void ParseString_UnterminatedTripleQuotedString_Throws() =>
        Assert.Contains("unterminated triple-quoted", TestHocon.ParseError("a = \"\"\"abc\"\"").Message, StringComparison.Ordinal);

    [Fact]
    public void ParseString_UnquotedString_AllowsOrdinaryCharacters() =>
        Assert.Equal("foo-bar_baz/qux.1;%~()<>|'", TestHocon.Parse("a = foo-bar_baz/qux.1;%~()<>|'").GetString("a"));

    [Theory]
    [InlineData("a = foo^bar")]
    [InlineData("a = b@c")]
    [InlineData("a = x!")]
    [InlineData("a = x*y")]
    [InlineData("a = x&y")]
    [InlineData("a = x`y")]
    [InlineData("a = x\\y")]
    [InlineData("a = x?y")]
    [InlineData("a = x+y")]
    [InlineData("a = $x")]
    [InlineData("a = x = y")]
    public void ParseString_ForbiddenCharacterOutsideQuotes_Throws(string text) =>
        Assert.Contains("reserved character", TestHocon.ParseError(text).Message, StringComparison.Ordinal);

    [Fact]
    public void ParseString_Literals_HaveTheirTypes()
    {
        var c = TestHocon.Parse("n = null\nt = true\nf = false\ni = 42\nl = 9000000000\nd = -1.5e3\ns = \"42\"");
        Assert.IsType<HoconNull>(c.GetValue("n"));
        Assert.False(c.HasPath("n"));
        Assert.True(c.GetBoolean("t"));
        Assert.False(c.GetBoolean("f"));
        Assert.IsType<HoconNumber>(c.GetValue("i"));
        Assert.Equal(42, c.GetInt("i"));
        Assert.Equal(9_000_000_000L, c.GetLong("l"));
        Assert.Equal(-1500.0, c.GetDouble("d"));
        Assert.IsType<HoconString>(c.GetValue("s"));
        Assert.Equal(42, c.GetInt("s"));
    }

    [Fact]
    public void ParseString_NearLiterals_AreStrings()
    {
        var c = TestHocon.Parse("a = truex\nb = 1.2.3\nc = 10s\nd = -\ne = nulls");
        Assert.All(new[] { "a", "b", "c", "d", "e" }, k => Assert.IsType<HoconString>(c.GetValue(k)));
        Assert.Equal("1.2.3", c.GetString("b"));
    }

    [Fact]
    public void ParseString_IncludeAsOrdinaryKey_IsAField()
    {
        var c = TestHocon.Parse("include = 5\n\"include\" { x = 1 }");
        Assert.Equal(1, c.GetInt("include.x"));
    }

    [Fact]
    public void ParseString_CrLfLineEndings_AreSeparators()
    {
        var c = TestHocon.Parse("a = 1\r\nb = foo\r\n");
        Assert.Equal(1, c.GetInt("a"));
        Assert.Equal("foo", c.GetString("b"));
    }

    [Fact]
    public void ParseString_NewlinesAroundSeparator_AreAllowed() =>
        Assert.Equal(3, TestHocon.Parse("a.b\n:\n\n3").GetInt("a.b"));

    [Fact]
    public void ParseString_WhitespaceInKey_IsKept() =>
        Assert.Equal(1, TestHocon.Parse("a b c = 1").GetInt("\"a b c\""));
}
