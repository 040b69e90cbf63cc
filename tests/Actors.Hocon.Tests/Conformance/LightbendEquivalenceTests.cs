using System.Text.Json;
using Actors.Hocon.Tests.Support;

namespace Actors.Hocon.Tests.Conformance;

/// <summary>
/// The reference implementation's equivalence data: every .conf and no-whitespace.json of a folder parses to the
/// folder's original.json. The data is read in place from the shared folder, never copied into the repository.
/// </summary>
public sealed class LightbendEquivalenceTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        if (ConformanceData.Directory is not { } root)
        {
            data.Add("none", "none");
            return data;
        }

        foreach (var folder in Directory.GetDirectories(root, "equiv*").OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(".conf", StringComparison.Ordinal) || name == "no-whitespace.json")
                {
                    data.Add(Path.GetFileName(folder), name);
                }
            }
        }

        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Files))]
    public void ParseFile_EquivalenceFile_MatchesOriginalJson(string folder, string file)
    {
        var dir = Path.Combine(ConformanceData.Directory!, folder);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "original.json")));

        // equiv04 relies on NOT_DEFINED_ANYWHERE being absent; inject an empty environment to be sure.
        var config = ConformanceData.Directory is null
            ? ConfigurationFactory.Empty
            : ConfigurationFactory.ParseFile(Path.Combine(dir, file), new HoconParseOptions
            {
                OriginDescription = folder + "/" + file,
                Environment = _ => null,
            });

        HoconAssert.EquivalentToJson(json.RootElement, config.Root);
    }

    [ConformanceFact]
    public void ParseFile_Equiv03Includes_ReadsPropertiesFiles()
    {
        // includes.conf includes letters/c (c.conf + c.properties) and numbers/2 (2.properties): the minimal
        // .properties reader is exercised here rather than skipped.
        var config = ConformanceFactoryHelper.Parse("equiv03", "includes.conf");

        Assert.Equal("true", config.GetString("letters.c.fromProp"));
        Assert.Equal(89, config.GetInt("letters.c.fromConf"));
        Assert.Equal("abcd", config.GetString("letters.numbers.\"2\""));
    }

    [ConformanceFact]
    public void ParseFile_Equiv01_EveryFileEquivalentToEveryOther()
    {
        var dir = Path.Combine(ConformanceData.Directory!, "equiv01");
        var configs = Directory.GetFiles(dir, "*.conf").Select(f => ConfigurationFactory.ParseFile(f).Root).ToArray();
        Assert.True(configs.Length >= 8);
        foreach (var c in configs)
        {
            HoconAssert.Equivalent(configs[0], c);
        }
    }

    private static class ConformanceFactoryHelper
    {
        public static Config Parse(string folder, string file) =>
            ConfigurationFactory.ParseFile(Path.Combine(ConformanceData.Directory!, folder, file));
    }
}
