using System.Text;
using System.Text.Json;
using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Rendering;

/// <summary>Rendering back to HOCON and JSON (parser speed is measured by the benchmarks, not asserted here).</summary>
public sealed class HoconRendererTests
{
    private const string Sample = "a { b = 1, \"c.d\" = \"x\\ny\", e = [true, null, 1.5, {}], f = 10s }\ninclude = \"k\"\n\"\" = empty";

    [Fact]
    public void ToJson_ProducesValidJson()
    {
        var config = TestHocon.Parse(Sample);
        using var doc = JsonDocument.Parse(config.ToJson());
        HoconAssert.EquivalentToJson(doc.RootElement, config.Root);
        using var concise = JsonDocument.Parse(config.Render(HoconRenderOptions.JsonConcise));
        Assert.DoesNotContain("\n", config.Render(HoconRenderOptions.JsonConcise), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RendersParsableHocon()
    {
        var config = TestHocon.Parse(Sample);
        var text = config.ToString();
        Assert.Contains("b = 1", text, StringComparison.Ordinal);
        Assert.Contains("\"c.d\" = \"x\\ny\"", text, StringComparison.Ordinal);
        HoconAssert.Equivalent(config.Root, TestHocon.Parse(text).Root);
    }

    [Fact]
    public void Render_OriginComments_NameLines()
    {
        var text = TestHocon.Parse("a = 1\nb {\n  c = 2\n}").Render(new HoconRenderOptions { OriginComments = true });
        Assert.Contains("# string:1:5", text, StringComparison.Ordinal);
        Assert.Contains("# string:3:7", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NumbersKeepTheirText() =>
        Assert.Contains("x = 1.50", TestHocon.Parse("x = 1.50").ToString(), StringComparison.Ordinal);

    [Fact]
    public void HoconValue_ToString_RendersValue() =>
        Assert.Equal("[\n  1,\n  \"a\"\n]", TestHocon.Parse("x = [1, a]").GetValue("x")!.ToString());

    [Theory]
    [InlineData("plain")]
    [InlineData("a.b \"c\" \\ d")]
    [InlineData("line\nbreak\ttab\u0001")]
    public void Quote_AnyText_RoundTripsAsOnePathElement(string text)
    {
        Config config = ConfigurationFactory.ParseString("root." + HoconText.Quote(text) + " = " + HoconText.Quote(text));
        Assert.Equal(text, config.GetConfig("root").AsEnumerable().Single().Key);
        Assert.Equal(text, config.GetConfig("root").AsEnumerable().Single().Value.ScalarText);
    }
}
