using System.Diagnostics;
using System.Text.Json;

namespace Actors.Benchmarks.Sessions;

/// <summary>
/// The sample upstream in a process of its own (its apphost is copied next to the benchmarks): at 10,000 sessions the
/// two ends of every connection would need more file descriptors than one process may open here (20,000), and the
/// figures then count only the client side. Started on a free port; <see cref="Restart"/> kills it and starts it again
/// on the same port.
/// </summary>
internal sealed class ExternalUpstream : IDisposable
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process _process;

    private ExternalUpstream(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri WebSocketUrl => new($"ws://127.0.0.1:{Port}/");

    public static ExternalUpstream Start()
    {
        (Process process, int port) = Launch(0);
        return new ExternalUpstream(process, port);
    }

    /// <summary>Kills the upstream (every connection drops at once) and starts it again on the same port.</summary>
    public void Restart()
    {
        Kill(_process);
        (_process, _) = Launch(Port);
    }

    /// <summary>Sessions connected now and the peak connects per second the upstream saw (<c>GET /stats</c>).</summary>
    public (int Connected, int PeakConnectsPerSecond) Stats()
    {
        using JsonDocument stats = JsonDocument.Parse(s_http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/stats?limit=1")).GetAwaiter().GetResult());
        return (stats.RootElement.GetProperty("connected").GetInt32(), stats.RootElement.GetProperty("peak_connects_per_second").GetInt32());
    }

    public void Dispose() => Kill(_process);

    private static (Process Process, int Port) Launch(int port)
    {
        string host = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Actors.Samples.Upstream.exe" : "Actors.Samples.Upstream");
        var start = new ProcessStartInfo(host, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        // "upstream: sessions at ws://127.0.0.1:N/?instance_id=<id>, ..."
        Task<string?> line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(30)) || line.Result is not { } text || !text.StartsWith("upstream: sessions at ", StringComparison.Ordinal))
        {
            Kill(process);
            throw new InvalidOperationException($"The sample upstream did not start within 30 s (port {port}).");
        }

        var url = new Uri(text["upstream: sessions at ".Length..text.IndexOf('?', StringComparison.Ordinal)]);
        _ = process.StandardOutput.ReadToEndAsync();
        return (process, url.Port);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
