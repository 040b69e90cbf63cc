using Actors.Hocon.Tests.Conformance;
using Actors.Hocon.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

// The namespace is AkkaBridge, not Akka: a namespace segment named Akka would hide the Akka package's namespaces
// from every file under Actors.Hocon.Tests.
namespace Actors.Hocon.Tests.AkkaBridge;

/// <summary>
/// Every value of every corpus document, read through our Config and through its <c>ToAkkaConfig()</c>, reads the
/// same (see <see cref="AkkaReadComparer"/> for what is read, <see cref="AkkaKnownDifferences"/> for the exceptions).
/// </summary>
public sealed class AkkaReadEquivalenceTests(ITestOutputHelper output)
{
    [ConformanceTheory]
    [MemberData(nameof(LightbendEquivalenceTests.Files), MemberType = typeof(LightbendEquivalenceTests))]
    public void ToAkkaConfig_LightbendEquivalenceFile_AkkaReadsEveryValueTheSame(string folder, string file)
    {
        var config = ConfigurationFactory.ParseFile(
            Path.Combine(ConformanceData.Directory!, folder, file),
            new HoconParseOptions { OriginDescription = folder + "/" + file, Environment = _ => null });

        // equiv04's file resolves to an empty object (every substitution optional and missing): nothing to require.
        Report(folder + "/" + file, AkkaReadComparer.Compare(config), requireValues: !config.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(AkkaBridgeCorpus.RepositoryFiles), MemberType = typeof(AkkaBridgeCorpus))]
    public void ToAkkaConfig_RepositoryConfFile_AkkaReadsEveryValueTheSame(string relativePath)
    {
        var config = ConfigurationFactory.ParseFile(
            Path.Combine(AkkaBridgeCorpus.RepositoryRoot, relativePath),
            new HoconParseOptions { OriginDescription = relativePath, Environment = _ => null });

        Report(relativePath, AkkaReadComparer.Compare(config));
    }

    [Theory]
    [MemberData(nameof(AkkaBridgeCorpus.Documents), MemberType = typeof(AkkaBridgeCorpus))]
    public void ToAkkaConfig_TestDocument_AkkaReadsEveryValueTheSame(string name)
    {
        var config = ConfigurationFactory.ParseString(
            AkkaBridgeCorpus.Document(name),
            new HoconParseOptions { OriginDescription = name, Environment = _ => null });

        Report(name, AkkaReadComparer.Compare(config));
    }

    [Property(MaxTest = 300)]
    public Property ToAkkaConfig_GeneratedDocument_AkkaReadsEveryValueTheSame() =>
        Prop.ForAll(ConfigGenerators.Documents, text =>
        {
            var comparer = AkkaReadComparer.Compare(TestHocon.Parse(text));
            return comparer.Failures.Count == 0;
        });

    private void Report(string label, AkkaReadComparer comparer, bool requireValues = true)
    {
        output.WriteLine(
            $"{label}: {comparer.Values} values, {comparer.Reads} reads compared; known differences: "
            + (comparer.Excused.Count == 0 ? "none" : string.Join(", ", comparer.Excused.Select(p => $"{p.Key} x{p.Value}"))));
        foreach (var read in comparer.ExcusedReads)
        {
            output.WriteLine("  excused: " + read);
        }

        comparer.AssertNoFailures(label);
        Assert.True(comparer.Values > 0 || !requireValues, $"{label}: no values to compare");
    }
}
