using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests;

/// <summary>The Config getters: defaults, absent paths, wrong types, lists, sub-configs, keys and origins.</summary>
public sealed class ConfigTests
{
    /// <summary>The document these tests read; the Akka bridge tests read it too.</summary>
    internal const string Text = """
        app {
          name = demo
          port = 8080
          big = 9000000000
          ratio = 0.75
          enabled = on
          disabled = no
          timeout = 10s
          size = 64 KiB
          nothing = null
          tags = [a, b, 3]
          ports = [1, 2, 3]
          indexed { "1" = second, "0" = first, "10" = third, other = ignored }
          mixed = [1, {}]
          nested { x = 1, y { z = 2 } }
        }
        """;

    private static readonly Config s_config = TestHocon.Parse(Text);

    [Fact]
    public void Getters_PresentValues_AreConverted()
    {
        Assert.Equal("demo", s_config.GetString("app.name"));
        Assert.Equal("8080", s_config.GetString("app.port"));
        Assert.Equal(8080, s_config.GetInt("app.port"));
        Assert.Equal(9_000_000_000L, s_config.GetLong("app.big"));
        Assert.Equal(0.75, s_config.GetDouble("app.ratio"));
        Assert.Equal(8080.0, s_config.GetDouble("app.port"));
        Assert.True(s_config.GetBoolean("app.enabled"));
        Assert.False(s_config.GetBoolean("app.disabled"));
        Assert.Equal(TimeSpan.FromSeconds(10), s_config.GetTimeSpan("app.timeout"));
        Assert.Equal(65536L, s_config.GetByteSize("app.size"));
    }

    [Fact]
    public void Getters_WithDefault_AbsentPathReturnsDefault()
    {
        Assert.Equal(5, s_config.GetInt("app.absent", 5));
        Assert.Equal(5L, s_config.GetLong("absent.too", 5));
        Assert.Equal(1.5, s_config.GetDouble("app.absent", 1.5));
        Assert.True(s_config.GetBoolean("app.absent", true));
        Assert.Equal("d", s_config.GetString("app.absent", "d"));
        Assert.Null(s_config.GetString("app.absent", null));
        Assert.Equal(TimeSpan.FromSeconds(3), s_config.GetTimeSpan("app.absent", TimeSpan.FromSeconds(3)));
        Assert.Equal(7L, s_config.GetByteSize("app.absent", 7));
        Assert.Null(s_config.GetByteSize("app.absent"));
        Assert.Equal(["x"], s_config.GetStringList("app.absent", ["x"]));
        Assert.Empty(s_config.GetStringList("app.absent"));
        Assert.True(s_config.GetConfig("app.absent").IsEmpty);
        Assert.Empty(s_config.GetKeys("app.absent"));
    }

    [Fact]
    public void Getters_WithDefault_NullValueReturnsDefault()
    {
        Assert.Equal(5, s_config.GetInt("app.nothing", 5));
        Assert.False(s_config.HasPath("app.nothing"));
        Assert.IsType<HoconNull>(s_config.GetValue("app.nothing"));
    }

    [Fact]
    public void Getters_WithoutDefault_AbsentPathThrows()
    {
        var e = Assert.Throws<HoconException>(() => s_config.GetInt("app.absent"));
        Assert.Equal("string: app.absent: no value at this path", e.Message);
        Assert.Throws<HoconException>(() => s_config.GetString("app.nothing"));
    }

    [Fact]
    public void Getters_WithDefault_WrongTypeStillThrows()
    {
        var e = Assert.Throws<HoconException>(() => s_config.GetInt("app.name", 5));
        Assert.Equal("string:2:10: app.name: expected a number, found \"demo\"", e.Message);
        Assert.Throws<HoconException>(() => s_config.GetBoolean("app.port", false));
        Assert.Throws<HoconException>(() => s_config.GetTimeSpan("app.name", TimeSpan.Zero));
        Assert.Throws<HoconException>(() => s_config.GetByteSize("app.name", 0));
        Assert.Throws<HoconException>(() => s_config.GetString("app.nested", "x"));
        Assert.Throws<HoconException>(() => s_config.GetStringList("app.name"));
        Assert.Throws<HoconException>(() => s_config.GetConfig("app.name"));
        Assert.Throws<HoconException>(() => s_config.GetKeys("app.name"));
    }

    [Fact]
    public void GetInt_OutOfRangeOrFractional_Throws()
    {
        Assert.Contains("expected an int (32-bit), found 9000000000", Assert.Throws<HoconException>(() => s_config.GetInt("app.big")).Message, StringComparison.Ordinal);
        Assert.Contains("found 0.75", Assert.Throws<HoconException>(() => s_config.GetInt("app.ratio")).Message, StringComparison.Ordinal);
        Assert.Throws<HoconException>(() => s_config.GetLong("app.ratio"));
    }

    [Fact]
    public void GetValue_ThroughNonObject_ThrowsButHasPathIsFalse()
    {
        Assert.False(s_config.HasPath("app.name.x"));
        var e = Assert.Throws<HoconException>(() => s_config.GetInt("app.name.x", 1));
        Assert.Contains("expected an object, found \"demo\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("a.\"b")]
    [InlineData("a{b}")]
    public void GetValue_InvalidPathExpression_Throws(string path) =>
        Assert.Throws<HoconException>(() => s_config.GetValue(path));

    [Fact]
    public void GetStringList_ConvertsScalars()
    {
        Assert.Equal(["a", "b", "3"], s_config.GetStringList("app.tags"));
        Assert.Equal([1, 2, 3], s_config.GetIntList("app.ports"));
        Assert.Throws<HoconException>(() => s_config.GetStringList("app.mixed"));
        Assert.Throws<HoconException>(() => s_config.GetIntList("app.tags"));
    }

    [Fact]
    public void GetStringList_NumericallyIndexedObject_IsReadAsList() =>
        Assert.Equal(["first", "second", "third"], s_config.GetStringList("app.indexed"));

    [Fact]
    public void GetStringList_ObjectWithoutNumericKeys_Throws() =>
        Assert.Throws<HoconException>(() => s_config.GetStringList("app.nested"));

    [Fact]
    public void GetConfig_ReturnsSubtree()
    {
        var nested = s_config.GetConfig("app.nested");
        Assert.Equal(2, nested.GetInt("y.z"));
        Assert.Equal(["x", "y"], nested.GetKeys(string.Empty));
        Assert.Equal(["x", "y"], nested.AsEnumerable().Select(p => p.Key));
    }

    [Fact]
    public void GetKeys_ListsChildrenInOrder() =>
        Assert.Equal(["x", "y"], s_config.GetKeys("app.nested"));

    [Fact]
    public void GetOrigin_ReportsLineAndColumn()
    {
        var origin = s_config.GetOrigin("app.port")!;
        Assert.Equal("string", origin.Description);
        Assert.Equal(3, origin.Line);
        Assert.Equal(10, origin.Column);
        Assert.Equal("string:3:10", origin.ToString());
        Assert.Null(s_config.GetOrigin("app.absent"));
    }

    [Fact]
    public void ParseString_OriginDescription_NamesTheFileInErrors()
    {
        var config = ConfigurationFactory.ParseString(
            "actors {\n  units {\n    session.breaker {\n      max-failures = fifteen\n    }\n  }\n}",
            "hocon/node.conf");
        var e = Assert.Throws<HoconException>(() => config.GetInt("actors.units.session.breaker.max-failures"));
        Assert.Equal("hocon/node.conf:4:22: actors.units.session.breaker.max-failures: expected a number, found \"fifteen\"", e.Message);
        Assert.Equal("hocon/node.conf", e.Origin);
        Assert.Equal(4, e.Line);
        Assert.Equal(22, e.Column);
        Assert.Equal("actors.units.session.breaker.max-failures", e.Path);
    }

    [Fact]
    public void Empty_IsEmptyAndResolved()
    {
        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.True(ConfigurationFactory.Empty.IsResolved);
        Assert.False(ConfigurationFactory.Empty.HasPath("a"));
        Assert.False(s_config.IsEmpty);
    }

    [Fact]
    public void FromResource_MissingResource_Throws() =>
        Assert.Throws<HoconException>(() => ConfigurationFactory.FromResource(typeof(ConfigTests).Assembly, "reference.conf"));

    [Fact]
    public void FromResource_EmbeddedConf_IsParsed()
    {
        var config = ConfigurationFactory.FromResource(typeof(ConfigTests).Assembly, "test-reference.conf");
        Assert.Equal("from-resource", config.GetString("embedded.value"));
    }
}
