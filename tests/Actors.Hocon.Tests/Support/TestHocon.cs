namespace Actors.Hocon.Tests.Support;

/// <summary>Short-hands for tests: parse with an empty (or given) environment.</summary>
internal static class TestHocon
{
    public static Config Parse(string text) => ConfigurationFactory.ParseString(text, _ => null);

    public static Config Parse(string text, IReadOnlyDictionary<string, string> environment) =>
        ConfigurationFactory.ParseString(text, name => environment.TryGetValue(name, out var v) ? v : null);

    public static HoconException ParseError(string text) =>
        Assert.Throws<HoconException>(() => ConfigurationFactory.ParseString(text, _ => null).Root);
}
