using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Parsing;

/// <summary>Differently written documents that mean the same parse to the same tree.</summary>
public sealed class EquivalentSyntaxTests
{
    private const string Json = "{\n  \"server\" : {\n    \"host\" : \"localhost\",\n    \"port\" : 8080,\n    \"tags\" : [\"a\", \"b\"]\n  },\n  \"debug\" : true\n}";

    public static TheoryData<string> Variants() => new()
    {
        Json,
        "server {\n  host = localhost\n  port = 8080\n  tags = [a, b]\n}\ndebug = true",
        "server.host = localhost\nserver.port = 8080\nserver.tags = [a\n b]\ndebug: true",
        "server { host: localhost, port: 8080 }, server { tags: [\"a\", \"b\"] }, debug = true",
        "# comment\nserver = {\n  // another\n  host = \"local\"host\n  port = 8080 # trailing\n  tags += a\n  tags += b\n}\ndebug = yes\ndebug = true",
        "\"server\".\"host\" = localhost\nserver { \"port\" = 8080, tags = [a] [b] }\ndebug = ${?nope} true",
        "server { include \"nonexistent-file-ignored\"\n host = localhost }\nserver.port = 8080\nserver.tags = [a, b,]\ndebug = true",
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void ParseString_EquivalentSpellings_ProduceSameTree(string text)
    {
        var reference = TestHocon.Parse(Json);
        var config = TestHocon.Parse(text);
        Assert.Equal("localhost", config.GetString("server.host"));
        Assert.Equal(8080, config.GetInt("server.port"));
        Assert.Equal(["a", "b"], config.GetStringList("server.tags"));
        Assert.True(config.GetBoolean("debug"));
        HoconAssert.Equivalent(reference.Root, config.Root);
    }

    [Fact]
    public void ParseString_DifferentValues_AreNotEquivalent()
    {
        var a = TestHocon.Parse("a { b = 1 }");
        var b = TestHocon.Parse("a.b = 2");
        Assert.False(HoconAssert.AreEquivalent(a.Root, b.Root));
        Assert.True(HoconAssert.AreEquivalent(a.Root, TestHocon.Parse("a.b : 1").Root));
    }

    [Fact]
    public void ParseString_ObjectConcatenationThenPathKey_Merges()
    {
        var c = TestHocon.Parse("a = { x = 1 } { y = 2 }\na.z = 3");
        Assert.Equal(["x", "y", "z"], c.GetKeys("a"));
    }
}
