using System.Diagnostics;

namespace Actors.Sessions.Tests.Process;

/// <summary>The node sample as a child process (dotnet Actors.Samples.Node.dll), with its admin URL read from stdout.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private NodeProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _url.TrySetException(new InvalidOperationException("The node exited before it listened:\n" + Output));
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public Task<Uri> Url => _url.Task;

    public static NodeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, string duration)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(NodeDll());
        start.ArgumentList.Add("--duration");
        start.ArgumentList.Add(duration);
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new System.Diagnostics.Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new NodeProcess(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, nothing runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    // The node is built beside this test project (same configuration): tests/X/bin/<cfg>/<tfm>/ -> samples/...
    private static string NodeDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = here.Name;
        string configuration = here.Parent!.Name;
        string root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        string dll = Path.Combine(root, "samples", "Actors.Samples.Node", "bin", configuration, tfm, "Actors.Samples.Node.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The node sample is not built at {dll}: build tests/Actors.Sessions.Tests (it builds the node first).", dll);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        const string Prefix = "  admin API    ";
        if (line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            string url = line[Prefix.Length..].Split(' ')[0];
            _url.TrySetResult(new Uri(url));
        }
    }
}
