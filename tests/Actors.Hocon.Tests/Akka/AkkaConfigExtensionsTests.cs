using Actors.Hocon.Tests.Support;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationFactory = Akka.Configuration.ConfigurationFactory;
using AkkaHoconArray = Akka.Configuration.Hocon.HoconArray;
using AkkaHoconLiteral = Akka.Configuration.Hocon.HoconLiteral;
using AkkaHoconValue = Akka.Configuration.Hocon.HoconValue;

namespace Actors.Hocon.Tests.AkkaBridge;

/// <summary>The conversion itself: awkward keys and values survive, the environment arrives, nulls, fallbacks, errors.</summary>
public sealed class AkkaConfigExtensionsTests
{
    [Fact]
    public void ToAkkaConfig_KeyWithDot_StaysOneKey()
    {
        var akka = TestHocon.Parse("\"a.b\" = 1\na.b = 2").ToAkkaConfig();

        Assert.Equal(["a.b", "a"], akka.Root.GetObject().Items.Keys);
        Assert.Equal(1, akka.GetInt("\"a.b\""));
        Assert.Equal(2, akka.GetInt("a.b"));
    }

    [Fact]
    public void ToAkkaConfig_KeyWithSpacesAndPathCharacters_Survives()
    {
        var akka = TestHocon.Parse("actors.deployment { \"/user/a b\" { \"x:y\" = 1 } }\n\"\" = empty-key").ToAkkaConfig();

        Assert.Equal(1, akka.GetInt("actors.deployment.\"/user/a b\".\"x:y\""));
        Assert.Equal("empty-key", akka.GetString("\"\""));
    }

    [Fact]
    public void ToAkkaConfig_EmptyArray_IsAnEmptyArray()
    {
        var akka = TestHocon.Parse("a = []").ToAkkaConfig();

        Assert.True(akka.HasPath("a"));
        Assert.IsType<AkkaHoconArray>(Assert.Single(akka.GetValue("a").Values));
        Assert.Empty(akka.GetValue("a").GetArray());
        Assert.Empty(akka.GetStringList("a"));
    }

    [Fact]
    public void ToAkkaConfig_NestedArray_KeepsItsShape()
    {
        var akka = TestHocon.Parse("a = [[1, 2], [], [[x]], [{ b = c }]]").ToAkkaConfig();

        var outer = akka.GetValue("a").GetArray();
        Assert.Equal(4, outer.Count);
        Assert.Equal([1, 2], outer[0].GetIntList());
        Assert.Empty(outer[1].GetArray());
        Assert.Equal(["x"], outer[2].GetArray()[0].GetStringList());
        Assert.Equal("c", outer[3].GetArray()[0].GetChildObject("b").GetString());
    }

    [Fact]
    public void ToAkkaConfig_StringThatLooksLikeASubstitution_StaysAString()
    {
        var akka = TestHocon.Parse("x = 1\na = \"${x}\"\nb = [\"${?x}\"]").ToAkkaConfig();

        Assert.Equal("${x}", akka.GetString("a"));
        Assert.Equal(["${?x}"], akka.GetStringList("b"));
        Assert.Empty(akka.Substitutions);
    }

    [Fact]
    public void ToAkkaConfig_OptionalEnvironmentSubstitution_ArrivesAsTheValue()
    {
        var environment = new Dictionary<string, string> { ["ACTORS_TEST_HOST"] = "10.0.0.7", ["ACTORS_TEST_TIMEOUT"] = "15s" };
        var ours = TestHocon.Parse(
            "host = localhost\nhost = ${?ACTORS_TEST_HOST}\ntimeout = 5s\ntimeout = ${?ACTORS_TEST_TIMEOUT}\nport = 1\nport = ${?UNSET}",
            environment);

        var akka = ours.ToAkkaConfig();

        Assert.Equal("10.0.0.7", akka.GetString("host"));
        Assert.Equal(TimeSpan.FromSeconds(15), akka.GetTimeSpan("timeout"));
        Assert.Equal(1, akka.GetInt("port"));
    }

    [Fact]
    public void ToAkkaConfig_NumbersAndUnits_KeepTheirText()
    {
        var akka = TestHocon.Parse("a = 10s\nb = 64MiB\nc = 12345678901234567890123\nd = 1.50\ne = 1e6").ToAkkaConfig();

        Assert.Equal(TimeSpan.FromSeconds(10), akka.GetTimeSpan("a"));
        Assert.Equal(64L * 1024 * 1024, akka.GetByteSize("b"));
        Assert.Equal("12345678901234567890123", akka.GetString("c"));
        Assert.Equal("1.50", akka.GetString("d"));
        Assert.Equal(1e6, akka.GetDouble("e"));
    }

    [Fact]
    public void ToAkkaConfig_Null_IsAkkasNullLiteral()
    {
        var ours = TestHocon.Parse("a = null");

        var akka = ours.ToAkkaConfig();

        // As Akka's own parser reads `a = null`: the path exists (unlike ours) and reads as a null string.
        Assert.False(ours.HasPath("a"));
        Assert.True(akka.HasPath("a"));
        Assert.Null(akka.GetString("a"));
        Assert.Equal("null", Assert.IsType<AkkaHoconLiteral>(Assert.Single(akka.GetValue("a").Values)).Value);
        Assert.Equal(
            AkkaConfigurationFactory.ParseString("a = null").GetValue("a").Values.Cast<AkkaHoconLiteral>().Select(l => l.Value),
            akka.GetValue("a").Values.Cast<AkkaHoconLiteral>().Select(l => l.Value));
    }

    [Fact]
    public void ToAkkaConfig_AkkaWithFallback_OurValuesAndNullsWin()
    {
        var akka = TestHocon.Parse("a { x = 1, gone = null }").ToAkkaConfig()
            .WithFallback(AkkaConfigurationFactory.ParseString("a { x = 2, y = 3, gone = 4 }"));

        Assert.Equal(1, akka.GetInt("a.x"));
        Assert.Equal(3, akka.GetInt("a.y"));
        Assert.Null(akka.GetString("a.gone"));
    }

    [Fact]
    public void ToAkkaConfig_OverAkkasDefaults_AkkaReadsBoth()
    {
        var akka = TestHocon.Parse("akka.actor.ask-timeout = 3s\nakka.loglevel = WARNING").ToAkkaConfig()
            .WithFallback(AkkaConfigurationFactory.Default());

        Assert.Equal(TimeSpan.FromSeconds(3), akka.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal("WARNING", akka.GetString("akka.loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(20), akka.GetTimeSpan("akka.actor.creation-timeout"));
    }

    [Fact]
    public void ToAkkaConfig_UnresolvedSubstitution_ThrowsHoconExceptionNamingIt()
    {
        var ours = ConfigurationFactory.ParseString("a = 1\nb = ${missing}", new HoconParseOptions { OriginDescription = "app.conf", Environment = _ => null });

        var e = Assert.Throws<HoconException>(ours.ToAkkaConfig);

        Assert.Contains("app.conf:2:5", e.Message, StringComparison.Ordinal);
        Assert.Contains("${missing}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToAkkaConfig_EmptyConfig_IsEmpty() =>
        Assert.True(ConfigurationFactory.Empty.ToAkkaConfig().IsEmpty);

    [Fact]
    public void ToAkkaConfig_ConvertedTwice_SharesNoNodes()
    {
        var ours = TestHocon.Parse("a { b = 1 }");
        var first = ours.ToAkkaConfig();
        first.GetValue("a").GetObject().Items["b"] = new AkkaHoconValue();

        Assert.Equal(1, ours.ToAkkaConfig().GetInt("a.b"));
        Assert.Equal(1, ours.GetInt("a.b"));
    }

    [Fact]
    public void ToAkkaConfig_100000DeepNesting_ConvertsWithoutRecursion()
    {
        const int Depth = 100_000;
        var origin = new HoconOrigin("deep", 1, 1);
        HoconValue value = new HoconString(origin, "bottom");
        for (int i = 0; i < Depth; i++)
        {
            value = new HoconObject(origin, [new("k", value)]);
        }

        var akka = AkkaReadComparer.Wrap(value).ToAkkaConfig();

        Assert.Equal("bottom", akka.GetString("v." + string.Join('.', Enumerable.Repeat("k", Depth))));
    }

    [Theory]
    [MemberData(nameof(KnownDifferences))]
    public void KnownDifference_Example_AkkaReallyReadsItDifferently(string name)
    {
        var difference = AkkaKnownDifferences.All.Single(d => d.Name == name);
        var ours = TestHocon.Parse(difference.Example);
        var akka = ours.ToAkkaConfig();
        var getters = new Dictionary<string, (Func<Config, string, object?> Ours, Func<AkkaConfig, string, object?> Akka)>
        {
            ["GetString"] = ((c, p) => c.GetString(p), (a, p) => a.GetString(p)),
            ["GetBoolean"] = ((c, p) => c.GetBoolean(p), (a, p) => a.GetBoolean(p)),
            ["GetInt"] = ((c, p) => c.GetInt(p), (a, p) => a.GetInt(p)),
            ["GetTimeSpan"] = ((c, p) => c.GetTimeSpan(p), (a, p) => a.GetTimeSpan(p)),
            ["GetByteSize"] = ((c, p) => c.GetByteSize(p), (a, p) => a.GetByteSize(p)),
            ["GetStringList"] = ((c, p) => string.Join(",", c.GetStringList(p)), (a, p) => string.Join(",", a.GetStringList(p))),
        };
        var (readOurs, readAkka) = getters[difference.Getter];

        object? expected = readOurs(ours, difference.ExamplePath);
        object? actual;
        try
        {
            actual = readAkka(akka, difference.ExamplePath);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            actual = e;
        }

        Assert.NotEqual(expected, actual);
        var comparer = AkkaReadComparer.Compare(ours);
        comparer.AssertNoFailures(name);
        Assert.True(comparer.Excused.GetValueOrDefault(name) > 0, $"{name}: its example was not excused by the entry itself");
    }

    public static TheoryData<string> KnownDifferences() => new(AkkaKnownDifferences.All.Select(d => d.Name));
}
