using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Rendering;

/// <summary>Rendering back to HOCON and JSON, and parser speed.</summary>
public sealed class HoconRendererTests(Xunit.Abstractions.ITestOutputHelper output)
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

    [Fact]
    public void ParseString_ThousandLineConfig_ParsesQuickly()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 100; i++)
        {
            sb.Append("section").Append(i).Append(" {\n");
            for (int j = 0; j < 8; j++)
            {
                sb.Append("  key").Append(j).Append(" = \"value ").Append(j).Append("\" # comment\n");
            }

            sb.Append("  path.to.timeout = 10s\n}\n");
        }

        var text = sb.ToString();
        Assert.True(text.Split('\n').Length > 1000);
        // Warm up long enough for tiered compilation to produce optimized code.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromSeconds(1))
        {
            _ = TestHocon.Parse(text);
        }

        // Best of several batches: the machine may be shared with other builds, and the minimum is the least disturbed.
        var best = TimeSpan.MaxValue;
        for (int batch = 0; batch < 10; batch++)
        {
            var watch = Stopwatch.StartNew();
            const int Runs = 10;
            for (int i = 0; i < Runs; i++)
            {
                _ = TestHocon.Parse(text);
            }

            best = TimeSpan.FromTicks(Math.Min(best.Ticks, (watch.Elapsed / Runs).Ticks));
        }

        var perParse = best;
        output.WriteLine($"{text.Split('\n').Length} lines: {perParse.TotalMilliseconds:F3} ms per parse (best batch)");

        // The target is well under 10 ms; the assertion leaves headroom for slow CI machines.
        Assert.True(perParse < TimeSpan.FromMilliseconds(50), $"parsing 1,000+ lines took {perParse.TotalMilliseconds} ms");
    }
}
