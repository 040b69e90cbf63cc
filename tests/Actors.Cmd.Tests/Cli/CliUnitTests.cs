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

    private static async Task<(int Code, string Out, string Err)> PbmInProcessAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await new CliApp(output, error, _ => null).RunAsync(args);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:99999", "invalid port [99999] in [127.0.0.1:99999]")]
    [InlineData("127.0.0.1:0", "invalid port [0] in [127.0.0.1:0]")]
    [InlineData("localhost:http", "invalid port [http] in [localhost:http]")]
    [InlineData("127.0.0.1:", "invalid endpoint [127.0.0.1:]")]
    [InlineData(":9110", "invalid endpoint [:9110]")]
    public async Task RunAsync_InvalidEndpoint_UsageErrorExitTwo_NoConnectionAttempt(string endpoint, string message)
    {
        var (code, stdout, stderr) = await PbmInProcessAsync(endpoint, "health");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("pbm: error: usage: " + message, stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("palette", stderr.Split('\n')[0], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    public async Task RunAsync_UnknownOption_UsageErrorExitTwo(string option)
    {
        var (code, _, stderr) = await PbmInProcessAsync(option, "health");
        Assert.Equal(2, code);
        Assert.StartsWith($"pbm: error: usage: unknown option [{option}]", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "abc")]
    [InlineData("--timeout", "-1")]
    public async Task RunAsync_BadOptionValue_UsageErrorExitTwo(string option, string value)
    {
        var (code, _, stderr) = await PbmInProcessAsync(option, value, "health");
        Assert.Equal(2, code);
        Assert.StartsWith("pbm: error: usage: --timeout needs a positive number of seconds", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingOptionValue_UsageErrorExitTwo()
    {
        var (code, _, stderr) = await PbmInProcessAsync("health", "--token");
        Assert.Equal(2, code);
        Assert.StartsWith("pbm: error: usage: --token needs a value", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UsageErrorWithJson_ErrorObjectOnStdout()
    {
        var (code, stdout, _) = await PbmInProcessAsync("--json", "--bogus");
        Assert.Equal(2, code);
        System.Text.Json.JsonElement line = System.Text.Json.JsonDocument.Parse(stdout.Trim()).RootElement;
        Assert.Equal(("error", "usage"), (line.GetProperty("type").GetString(), line.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task RunAsync_NothingListening_SamePrefixAsEveryOtherError()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var (code, _, stderr) = await PbmInProcessAsync($"127.0.0.1:{port}", "--timeout", "3", "health");
        Assert.Equal(2, code);
        Assert.StartsWith($"pbm: error: connection-failed: Could not connect to 127.0.0.1:{port}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_ErrorResponse_SamePrefixAsEveryOtherError()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var printer = new ResponsePrinter(output, error, json: false);
        printer.Print(new CmdResponse(CmdResponseKind.Error, 3) { ErrorCode = CmdErrorCodes.NotFound, Text = "No actor at [/user/ghost]." });
        printer.Failure(CmdErrorCodes.UnknownPalette, "No palette [x].");
        Assert.Equal(
            ["pbm: error: not-found: No actor at [/user/ghost].", "pbm: error: unknown-palette: No palette [x]."],
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Tokenize_KeepsQuotedText() =>
        Assert.Equal(["orders", "place", "-i", "a b"], InteractiveShell.Tokenize("orders  place -i \"a b\""));
}
