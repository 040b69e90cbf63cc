using System.Diagnostics;
using System.Text;
using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Parsing;

/// <summary>Random and mutated input: only <see cref="HoconException"/> may escape, and parsing always terminates.</summary>
public sealed class FuzzTests
{
    private static readonly string[] s_seeds =
    [
        "a = 1\nb = [1, 2, {c = \"x\"}]\nd { e = ${a}, f = ${?nope} }\n",
        "{ \"x\" : { \"y\" : [true, false, null, 1.5e3] }, \"z\" : \"\"\"tri\nple\"\"\" }",
        "path = /bin\npath = ${path}\":/usr/bin\"\nlist = [1]\nlist += 2\nobj = ${d} { g = 1 }\nd { h = 2 }",
        "a.b.\"c.d\" = 10 s\nsize = 64 KiB\n# comment\n// comment\nx = foo bar baz\ninclude \"nope.conf\"\n",
        "a = ${b}\nb = ${c}\nc = 1\nx = [${a}, ${?y}] [3]\nm = { p = ${a} } { q = 2 }",
        "include required(file(\"x\"))\ninclude classpath(\"y\")\nk += v\n\"q\\u0041\\n\" = \"\\t\"",
    ];

    private static readonly char[] s_interesting =
        "{}[]:=,+$?\"\\#/\n\r\t .-0123456789aeEtrufnl`^!@*&()'~".ToCharArray();

    private static void ParseAndUse(string text)
    {
        try
        {
            var config = ConfigurationFactory.ParseString(text, _ => null);
            _ = config.ToString();
            if (config.IsResolved)
            {
                _ = config.ToJson();
                foreach (var pair in config.AsEnumerable())
                {
                    _ = config.HasPath(HoconPath(pair.Key));
                    _ = config.GetString(HoconPath(pair.Key), "d");
                }
            }
        }
        catch (HoconException)
        {
            // the only allowed failure
        }
    }

    private static string HoconPath(string key) => "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    private static void RunBounded(Action action)
    {
        var task = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "fuzzing did not terminate within 60 seconds");
        task.GetAwaiter().GetResult();
    }

    private static string Mutate(Random random, string text)
    {
        var sb = new StringBuilder(text);
        int mutations = random.Next(1, 6);
        for (int m = 0; m < mutations; m++)
        {
            int pos = sb.Length == 0 ? 0 : random.Next(sb.Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    sb.Insert(pos, s_interesting[random.Next(s_interesting.Length)]);
                    break;
                case 1:
                    if (pos < sb.Length)
                    {
                        sb.Remove(pos, 1);
                    }

                    break;
                case 2:
                    if (pos < sb.Length)
                    {
                        sb[pos] = s_interesting[random.Next(s_interesting.Length)];
                    }

                    break;
                case 3:
                    if (pos < sb.Length)
                    {
                        int len = random.Next(1, Math.Min(20, sb.Length - pos) + 1);
                        sb.Insert(random.Next(sb.Length + 1), sb.ToString(pos, len));
                    }

                    break;
                case 4:
                    sb.Length = pos;
                    break;
                default:
                    sb.Insert(pos, (char)random.Next(0, 0x3000));
                    break;
            }
        }

        return sb.ToString();
    }

    [Fact]
    public void ParseString_MutatedDocuments_OnlyThrowHoconException()
    {
        RunBounded(() =>
        {
            var random = new Random(12345);
            var seeds = s_seeds.ToList();
            if (ConformanceData.Directory is { } dir)
            {
                seeds.AddRange(Directory.GetFiles(dir, "*.conf", SearchOption.AllDirectories).Select(File.ReadAllText));
            }

            var watch = Stopwatch.StartNew();
            int iterations = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(3) || iterations < 2000)
            {
                var input = Mutate(random, seeds[random.Next(seeds.Count)]);
                var ex = Record.Exception(() => ParseAndUse(input));
                Assert.True(ex is null, $"input {System.Text.Json.JsonSerializer.Serialize(input)} threw {ex}");
                iterations++;
            }
        });
    }

    [Fact]
    public void ParseString_RandomCharacters_OnlyThrowHoconException()
    {
        RunBounded(() =>
        {
            var random = new Random(777);
            var watch = Stopwatch.StartNew();
            int iterations = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(2) || iterations < 2000)
            {
                var chars = new char[random.Next(0, 80)];
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0xFFFF) : s_interesting[random.Next(s_interesting.Length)];
                }

                var input = new string(chars);
                var ex = Record.Exception(() => ParseAndUse(input));
                Assert.True(ex is null, $"input {System.Text.Json.JsonSerializer.Serialize(input)} threw {ex}");
                iterations++;
            }
        });
    }

    [Theory]
    [InlineData("a = ", "[")]
    [InlineData("", "{a:")]
    [InlineData("", "a{")]
    [InlineData("{", "a.b {")]
    [InlineData("a = ", "[{b = ")]
    [InlineData("a = ", "{b : [")]
    public void ParseString_DeepNesting_ThrowsHoconException(string prefix, string unit)
    {
        var text = prefix + string.Concat(Enumerable.Repeat(unit, 100_000));
        var e = Assert.Throws<HoconException>(() => ConfigurationFactory.ParseString(text, _ => null));
        Assert.Contains("nest too deeply", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseString_DeepNestingOfUnbalancedRootBraces_ThrowsHoconException() =>
        Assert.Throws<HoconException>(() => ConfigurationFactory.ParseString(new string('{', 100_000), _ => null));

    [Fact]
    public void ParseString_NestingAtTheLimit_Parses()
    {
        var text = "a = " + new string('[', 500) + "1" + new string(']', 500);
        var config = TestHocon.Parse(text);
        Assert.True(config.HasPath("a"));
        Assert.Contains("1", config.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseString_NestingLimit_IsConfigurable()
    {
        var text = "a = " + new string('[', 20) + new string(']', 20);
        Assert.Throws<HoconException>(() => ConfigurationFactory.ParseString(text, new HoconParseOptions { MaxNestingDepth = 10 }));
        _ = ConfigurationFactory.ParseString(text, new HoconParseOptions { MaxNestingDepth = 30 }).Root;
    }

    [Fact]
    public void ParseString_DeepSubstitutionNesting_ThrowsHoconExceptionNotCrash()
    {
        var sb = new StringBuilder("a0 = 1\n");
        for (int i = 1; i < 10_000; i++)
        {
            sb.Append('a').Append(i).Append(" = { x = ${a").Append(i - 1).Append("} }\n");
        }

        var ex = Record.Exception(() => ConfigurationFactory.ParseString(sb.ToString(), _ => null).ToJson());
        Assert.True(ex is null or HoconException, ex?.ToString());
    }
}
