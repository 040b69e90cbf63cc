using System.Diagnostics;
using System.Text.Json;
using Actors.Cmd.Tests.Support;
using Actors.Resilience;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Cli;

/// <summary>Runs the built pbm as a real process (<c>dotnet pbm.dll ...</c>) against a live server.</summary>
[Trait("Category", "Integration")]
public sealed class PbmProcessTests(ITestOutputHelper output) : CmdTestBase(output)
{
    private const string Token = "cli-token";

    protected override CmdServerOptions CreateOptions()
    {
        CmdServerOptions o = base.CreateOptions();
        o.Token = Token;
        return o;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ResilienceRuntime.Start(Sys);
    }

    private static string PbmPath()
    {
        string local = Path.Combine(AppContext.BaseDirectory, "pbm.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "pbm.runtimeconfig.json")))
        {
            return local;
        }

        // Fall back to the CLI project's own output next to this test's configuration.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "src", "Actors.Cmd.Cli", "bin", configuration, "net10.0", "pbm.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("pbm.dll was not built; build src/Actors.Cmd.Cli first.");
    }

    private async Task<(int Code, string Out, string Err)> PbmAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        psi.ArgumentList.Add(PbmPath());
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("PBM_TOKEN");
        using Process process = Process.Start(psi)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private string Endpoint => $"127.0.0.1:{Port}";

    [Fact]
    public async Task OneShot_Success_ExitZeroAndTreeOutput()
    {
        var (code, stdout, stderr) = await PbmAsync(Endpoint, "--token", Token, "actor", "hierarchy", "-p", "/system");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("/system", stdout, StringComparison.Ordinal);
        Assert.Contains("└── ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneShot_Json_OneObjectPerResponseEndingWithDone()
    {
        var (code, stdout, _) = await PbmAsync("--json", Endpoint, "--token", Token, "system", "info");
        Assert.Equal(0, code);
        JsonElement[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        Assert.Equal("output", lines[0].GetProperty("type").GetString());
        Assert.Equal(Sys.Name, lines[0].GetProperty("data").GetProperty("system").GetString());
        Assert.Equal("done", lines[^1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task CommandError_ExitOne_ErrorOnStderrWithTheOnePrefix()
    {
        var (code, stdout, stderr) = await PbmAsync(Endpoint, "--token", Token, "actor", "stat", "-p", "/user/ghost");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("pbm: error: not-found: No actor at [/user/ghost].", stderr.Trim());
        var (unknown, _, unknownErr) = await PbmAsync(Endpoint, "--token", Token, "nosuch", "thing");
        Assert.Equal(1, unknown);
        Assert.StartsWith("pbm: error: unknown-palette: No palette [nosuch]", unknownErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("0")]
    public async Task ErrorsTail_CountNotPositive_Refused_ExitOne(string count)
    {
        var (code, _, stderr) = await PbmAsync(Endpoint, "errors", "tail", "-n", count);
        Assert.Equal(1, code);
        Assert.StartsWith($"pbm: error: bad-arguments: -n/--limit must be a positive whole number, not [{count}]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidPort_UsageErrorExitTwo_NotNoPalette()
    {
        var (code, _, stderr) = await PbmAsync("127.0.0.1:99999", "health");
        Assert.Equal(2, code);
        Assert.StartsWith("pbm: error: usage: invalid port [99999] in [127.0.0.1:99999]", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("No palette", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_UsageErrorExitTwo_NotNoPalette()
    {
        var (code, _, stderr) = await PbmAsync("--bogus", "health");
        Assert.Equal(2, code);
        Assert.StartsWith("pbm: error: usage: unknown option [--bogus]", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("No palette", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthDetailed_ReadableLines_CountLine()
    {
        var (code, stdout, stderr) = await PbmAsync(Endpoint, "health", "detailed");
        Assert.True(code == 0, stderr);
        Assert.Contains("instances:", stdout, StringComparison.Ordinal);
        Assert.Contains("kinds:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandError_Json_ErrorObject()
    {
        var (code, stdout, _) = await PbmAsync("--json", Endpoint, "--token", Token, "actor", "stat", "-p", "/user/ghost");
        Assert.Equal(1, code);
        JsonElement line = JsonDocument.Parse(stdout.Trim()).RootElement;
        Assert.Equal("error", line.GetProperty("type").GetString());
        Assert.Equal(CmdErrorCodes.NotFound, line.GetProperty("code").GetString());
    }

    [Fact]
    public async Task NothingListening_ExitTwo_SaysWhatItTried()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var (code, _, stderr) = await PbmAsync($"127.0.0.1:{port}", "--timeout", "3", "system", "info");
        Assert.Equal(2, code);
        Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
        Assert.Contains("timeout 3s", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongToken_ExitThree_MissingTokenOnLoopback_ReadsWork()
    {
        var (wrong, _, stderr) = await PbmAsync(Endpoint, "--token", "nope", "system", "info");
        Assert.Equal(3, wrong);
        Assert.StartsWith("pbm: error: auth-failed: ", stderr, StringComparison.Ordinal);
        var (read, _, readErr) = await PbmAsync(Endpoint, "system", "info");
        Assert.True(read == 0, readErr);
    }

    [Fact]
    public async Task Mutation_WithoutToken_ExitThree_WithTokenRuns()
    {
        var (code, stdout, _) = await PbmAsync("--json", Endpoint, "memory", "cleanup");
        Assert.Equal(3, code);
        Assert.Equal(CmdErrorCodes.AuthenticationRequired, JsonDocument.Parse(stdout.Trim()).RootElement.GetProperty("code").GetString());
        var (withToken, _, stderr) = await PbmAsync(Endpoint, "--token", Token, "memory", "cleanup");
        Assert.True(withToken == 0, stderr);
    }

    [Fact]
    public async Task Help_FromDownloadedPalettes()
    {
        var (code, stdout, _) = await PbmAsync(Endpoint, "--token", Token, "help", "actor", "stat");
        Assert.Equal(0, code);
        Assert.Contains("actor stat -p <path>", stdout, StringComparison.Ordinal);
        Assert.Contains("-p, --path", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_RedirectedInput_RunsLinesUntilExit()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        psi.ArgumentList.Add(PbmPath());
        psi.ArgumentList.Add(Endpoint);
        psi.ArgumentList.Add("--token");
        psi.ArgumentList.Add(Token);
        using Process process = Process.Start(psi)!;
        await process.StandardInput.WriteLineAsync("help");
        await process.StandardInput.WriteLineAsync("system info");
        await process.StandardInput.WriteLineAsync("exit");
        process.StandardInput.Close();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Connected to " + Sys.Name, stdout, StringComparison.Ordinal);
        Assert.Contains("PALETTE", stdout, StringComparison.Ordinal);
        Assert.Contains("uptime", stdout, StringComparison.Ordinal);
    }
}
