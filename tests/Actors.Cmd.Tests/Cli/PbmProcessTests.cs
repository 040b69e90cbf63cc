using System.Diagnostics;
using System.Text.Json;
using Actors.Cmd.Tests.Support;
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
    public async Task CommandError_ExitOne_ErrorOnStderr()
    {
        var (code, _, stderr) = await PbmAsync(Endpoint, "--token", Token, "actor", "stat", "-p", "/user/ghost");
        Assert.Equal(1, code);
        Assert.Contains("not-found", stderr, StringComparison.Ordinal);
        var (unknown, _, _) = await PbmAsync(Endpoint, "--token", Token, "nosuch", "thing");
        Assert.Equal(1, unknown);
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
    public async Task WrongOrMissingToken_ExitThree()
    {
        var (wrong, _, stderr) = await PbmAsync(Endpoint, "--token", "nope", "system", "info");
        Assert.Equal(3, wrong);
        Assert.Contains(CmdErrorCodes.AuthenticationFailed, stderr, StringComparison.Ordinal);
        var (missing, stdout, _) = await PbmAsync("--json", Endpoint, "system", "info");
        Assert.Equal(3, missing);
        Assert.Equal(CmdErrorCodes.AuthenticationRequired, JsonDocument.Parse(stdout.Trim()).RootElement.GetProperty("code").GetString());
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
