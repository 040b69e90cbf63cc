using Actors.Cmd.Cli;

namespace Actors.Cmd.Tests.Cli;

public sealed class CliUnitTests
{
    private static readonly IReadOnlyList<PaletteDescriptor> s_palettes =
    [
        new CommandPaletteBuilder("actor", "a")
            .AddCommand("hierarchy", "h", _ => Task.CompletedTask, ArgumentDescriptor.Option("depth", "-d", "d"), ArgumentDescriptor.Option("path", "-p", "p"))
            .AddCommand("stat", "s", _ => Task.CompletedTask, ArgumentDescriptor.Option("path", "-p", "p", mandatory: true))
            .Build().Descriptor,
        new CommandPaletteBuilder("log", "l")
            .AddCommand("peek", "p", _ => Task.CompletedTask, ArgumentDescriptor.Option("count", "-n", "c"))
            .WithDefaultCommand("peek").Build().Descriptor,
    ];

    [Theory]
    [InlineData("", "actor,exit,help,log,palettes,quit")]
    [InlineData("a", "actor")]
    [InlineData("actor ", "hierarchy,stat")]
    [InlineData("actor h", "hierarchy")]
    [InlineData("actor hierarchy ", "--depth,--path,-d,-p")]
    [InlineData("actor hierarchy -d 2 ", "--path,-p")]
    [InlineData("actor hierarchy -d ", "")]
    [InlineData("log ", "--count,-n,peek")]
    [InlineData("help ", "actor,log")]
    [InlineData("help actor s", "stat")]
    [InlineData("nosuch ", "")]
    public void Complete_ByPosition_PalettesCommandsThenUnusedSwitches(string line, string expected)
    {
        (int start, IReadOnlyList<string> candidates) = Completion.Complete(line, s_palettes);
        Assert.Equal(line.LastIndexOf(' ') + 1, start);
        Assert.Equal(expected, string.Join(',', candidates));
    }

    [Fact]
    public void CommonPrefix_OfCandidates() => Assert.Equal("--p", Completion.CommonPrefix(["--path", "--port"]));

    [Theory]
    [InlineData("10.0.0.5:9110", "10.0.0.5", 9110)]
    [InlineData("localhost:1", "localhost", 1)]
    [InlineData("[::1]:9110", "::1", 9110)]
    public void TryParseEndpoint_HostPort(string text, string host, int port)
    {
        Assert.True(CliArguments.TryParseEndpoint(text, out string h, out int p));
        Assert.Equal((host, port), (h, p));
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("host:")]
    [InlineData("host:99999")]
    [InlineData("::1")]
    public void TryParseEndpoint_NotAnEndpoint(string text) => Assert.False(CliArguments.TryParseEndpoint(text, out _, out _));

    [Fact]
    public void Parse_OptionsAnywhere_EndpointFirst_TokenFromEnvironment()
    {
        CliArguments a = CliArguments.Parse(["h:1", "actor", "stat", "-p", "/user", "--json"], name => name == "PBM_TOKEN" ? "env" : null);
        Assert.Equal(("h", 1, "env", true), (a.Host, a.Port, a.Token, a.Json));
        Assert.Equal(["actor", "stat", "-p", "/user"], a.Command);
    }

    [Fact]
    public void Tokenize_KeepsQuotedText() =>
        Assert.Equal(["orders", "place", "-i", "a b"], InteractiveShell.Tokenize("orders  place -i \"a b\""));
}
