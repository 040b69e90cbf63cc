using System.Diagnostics;
using System.Globalization;

namespace Actors.Soak;

/// <summary>The node sample as a child process (dotnet Actors.Samples.Node.dll), with its admin URL read from stdout.</summary>
internal sealed class NodeProcess : IDisposable
{
    private const string AdminLine = "  admin API    ";
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private volatile bool _killed;

    private NodeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _url.TrySetException(new InvalidOperationException("The node exited before it listened:\n" + Output));
    }

    /// <summary>Everything the node printed so far.</summary>
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

    /// <summary>The admin URL, once the node printed it.</summary>
    public Task<Uri> Url => _url.Task;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process exited without being killed by us.</summary>
    public bool DiedOnItsOwn => _process.HasExited && !_killed;

    /// <summary>Whether the process runs.</summary>
    public bool IsAlive => !_process.HasExited;

    /// <summary>Starts the node in <paramref name="workingDirectory"/> (its ./data) with <paramref name="environment"/>.</summary>
    public static NodeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(NodeDll());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new NodeProcess(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The working set as the kernel counts it (VmRSS), in bytes; null once the process is gone.</summary>
    public long? ResidentBytes()
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, nothing runs.</summary>
    public void Kill()
    {
        _killed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as an operator's stop: the node stops its load and prints its summary; its exit code, or null.</summary>
    public async Task<int?> TerminateAsync(TimeSpan bound)
    {
        _killed = true;
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }

        using (Process? kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill?.WaitForExit();
        }

        using var deadline = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return null;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    // The node is built beside this project (same configuration): tests/X/bin/<cfg>/<tfm>/ -> samples/...
    private static string NodeDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = here.Name;
        string configuration = here.Parent!.Name;
        string root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        string dll = Path.Combine(root, "samples", "Actors.Samples.Node", "bin", configuration, tfm, "Actors.Samples.Node.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The node sample is not built at {dll}: build the test project (it builds the node first).", dll);
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

        if (line.StartsWith(AdminLine, StringComparison.Ordinal))
        {
            _url.TrySetResult(new Uri(line[AdminLine.Length..].Split(' ')[0]));
        }
    }
}
