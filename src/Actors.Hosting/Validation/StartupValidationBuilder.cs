using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Actors.Hocon;

namespace Actors.Hosting.Validation;

/// <summary>
/// A declarative list of start-up checks that run before any actor starts. Every check runs (concurrently); all
/// problems are reported together, each with what to do, and the host exits with
/// <see cref="ActorsExitCodes.ConfigurationInvalid"/>.
/// </summary>
public sealed class StartupValidationBuilder
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(5);
    private readonly List<Func<StartupValidationContext, CancellationToken, Task<IEnumerable<StartupProblem>>>> _checks = new();

    /// <summary>How many checks are declared.</summary>
    public int Count => _checks.Count;

    /// <summary>Adds a custom check.</summary>
    /// <param name="check">Returns the problems found (none when all is well); an exception counts as a problem.</param>
    /// <returns>This builder.</returns>
    public StartupValidationBuilder Add(Func<StartupValidationContext, CancellationToken, Task<IEnumerable<StartupProblem>>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        _checks.Add(check);
        return this;
    }

    /// <summary>Requires an environment variable to be set, non-blank and (optionally) well-formed.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="remedy">What to do when it is missing; a generic hint when null.</param>
    /// <param name="isWellFormed">Checks the value; null accepts any non-blank value.</param>
    /// <param name="expected">Describes a well-formed value, e.g. <c>a 64-character hexadecimal key</c>.</param>
    /// <returns>This builder.</returns>
    public StartupValidationBuilder RequireEnvironmentVariable(string name, string? remedy = null, Func<string, bool>? isWellFormed = null, string? expected = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return AddSync(context =>
        {
            string check = $"environment variable {name}";
            string? value = context.Environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                return [new StartupProblem(check, "is not set", remedy ?? $"set {name} in the environment of the process (for example `export {name}=...`)")];
            }

            if (isWellFormed is not null && !isWellFormed(value))
            {
                return [new StartupProblem(check, $"is malformed{(expected is null ? string.Empty : $": expected {expected}")}", remedy ?? $"correct the value of {name}")];
            }

            return [];
        });
    }

    /// <summary>
    /// Requires all of <paramref name="names"/> to be set (for example an API key and its secret), unless the
    /// environment variable <paramref name="unlessFlag"/> is true (for example a testnet flag).
    /// </summary>
    /// <param name="names">Variables that go together.</param>
    /// <param name="unlessFlag">A boolean variable that makes them unnecessary; null for none.</param>
    /// <param name="remedy">What to do; a generic hint when null.</param>
    /// <returns>This builder.</returns>
    public StartupValidationBuilder RequireEnvironmentVariables(IReadOnlyList<string> names, string? unlessFlag = null, string? remedy = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        return AddSync(context =>
        {
            var problems = new List<StartupProblem>();
            if (unlessFlag is not null)
            {
                string? flag = context.Environment(unlessFlag);
                if (!string.IsNullOrWhiteSpace(flag))
                {
                    if (!TryParseFlag(flag, out bool on))
                    {
                        problems.Add(new StartupProblem($"environment variable {unlessFlag}", $"is malformed: expected true or false, found \"{flag}\"", $"set {unlessFlag} to true or false"));
                        return problems;
                    }

                    if (on)
                    {
                        return problems;
                    }
                }
            }

            string[] missing = names.Where(n => string.IsNullOrWhiteSpace(context.Environment(n))).ToArray();
            if (missing.Length == 0)
            {
                return problems;
            }

            string[] present = names.Except(missing).ToArray();
            string together = string.Join(" and ", names);
            foreach (string name in missing)
            {
                string problem = present.Length > 0 ? $"is not set, while {string.Join(", ", present)} is: {together} go together" : "is not set";
                string hint = remedy ?? $"set {together}{(unlessFlag is null ? string.Empty : $", or set {unlessFlag}=true")}";
                problems.Add(new StartupProblem($"environment variable {name}", problem, hint));
            }

            return problems;
        });
    }

    /// <summary>Requires a configuration setting to be present and (optionally) readable as the right type.</summary>
    /// <param name="path">The HOCON path, e.g. <c>exchange.endpoint</c>.</param>
    /// <param name="validate">Reads the value, e.g. <c>(c, p) => c.GetTimeSpan(p)</c>; a <see cref="HoconException"/> is reported with its position.</param>
    /// <param name="remedy">What to do when it is missing; a generic hint when null.</param>
    /// <returns>This builder.</returns>
    public StartupValidationBuilder RequireSetting(string path, Action<Config, string>? validate = null, string? remedy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AddSync(context =>
        {
            string check = $"setting {path}";
            try
            {
                if (!context.Config.HasPath(path))
                {
                    return [new StartupProblem(check, "is missing", remedy ?? $"add `{path} = ...` to the configuration (or an environment variable mapped to it)")];
                }

                validate?.Invoke(context.Config, path);
                return [];
            }
            catch (HoconException e)
            {
                return [new StartupProblem(check, e.Message, remedy ?? "correct the value at the position shown")];
            }
        });
    }

    /// <summary>Requires a directory to exist and, when <paramref name="writable"/>, to accept a new file.</summary>
    /// <param name="path">The directory.</param>
    /// <param name="writable">Whether a file must be creatable in it.</param>
    /// <param name="create">Whether to create it when missing instead of reporting it.</param>
    /// <returns>This builder.</returns>
    public StartupValidationBuilder RequireDirectory(string path, bool writable = true, bool create = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AddSync(_ =>
        {
            string full = Path.GetFullPath(path);
            string check = $"directory {full}";
            try
            {
                if (!Directory.Exists(full))
                {
                    if (File.Exists(full))
                    {
                        return [new StartupProblem(check, "is a file, not a directory", "point the setting at a directory or remove the file")];
                    }

                    if (!create)
                    {
                        return [new StartupProblem(check, "does not exist", $"create it (mkdir -p {full}) or change the setting that names it")];
                    }

                    Directory.CreateDirectory(full);
                }

                if (writable)
                {
                    string probe = Path.Combine(full, $".actors-write-probe-{Guid.NewGuid():N}");
                    using (File.Create(probe, 1, FileOptions.DeleteOnClose))
                    {
                    }
                }

                return [];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [new StartupProblem(check, $"is not writable ({e.Message})", $"grant the service's user write access to {full} or choose another directory")];
            }
        });
    }

    /// <summary>Requires a TCP port to be free to listen on.</summary>
    /// <param name="port">The port.</param>
    /// <param name="address">The address to bind; loopback (127.0.0.1) when null.</param>
    /// <param name="what">What will listen there, for the message, e.g. <c>the command server</c>.</param>
    /// <returns>This builder.</returns>
    public StartupValidationBuilder RequireFreePort(int port, IPAddress? address = null, string? what = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        IPAddress ip = address ?? IPAddress.Loopback;
        return AddSync(_ =>
        {
            string check = $"TCP port {ip}:{port}{(what is null ? string.Empty : $" ({what})")}";
            var listener = new TcpListener(ip, port);
            try
            {
                listener.Start();
                return [];
            }
            catch (SocketException e)
            {
                return [new StartupProblem(check, $"is not free ({e.SocketErrorCode}: {e.Message})", $"stop the process using port {port} (ss -ltnp | grep :{port}) or configure another port")];
            }
            finally
            {
                listener.Stop();
            }
        });
    }

    /// <summary>Requires a TCP dependency (a database, a broker) to accept a connection within <paramref name="timeout"/>.</summary>
    /// <param name="host">The host name or address.</param>
    /// <param name="port">The port.</param>
    /// <param name="timeout">How long to wait; 5 seconds when null.</param>
    /// <param name="what">What the dependency is, for the message.</param>
    /// <returns>This builder.</returns>
    public StartupValidationBuilder RequireReachable(string host, int port, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        TimeSpan limit = timeout ?? s_defaultTimeout;
        return Add(async (context, cancellationToken) =>
        {
            string check = $"{what ?? "dependency"} at {host}:{port.ToString(CultureInfo.InvariantCulture)}";
            using var timer = new CancellationTokenSource(limit, context.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
                return [];
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested)
            {
                return [new StartupProblem(check, $"did not accept a connection within {limit}", $"start it, or check the host, port and firewall")];
            }
            catch (SocketException e)
            {
                return [new StartupProblem(check, $"is not reachable ({e.SocketErrorCode}: {e.Message})", "start it, or correct its host and port in the configuration")];
            }
        });
    }

    /// <summary>Requires an HTTP dependency to answer (any status below 500) within <paramref name="timeout"/>.</summary>
    /// <param name="url">The URL to GET.</param>
    /// <param name="timeout">How long to wait; 5 seconds when null.</param>
    /// <param name="what">What the dependency is, for the message.</param>
    /// <returns>This builder.</returns>
    public StartupValidationBuilder RequireReachable(Uri url, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        TimeSpan limit = timeout ?? s_defaultTimeout;
        return Add(async (context, cancellationToken) =>
        {
            string check = $"{what ?? "dependency"} at {url}";
            using var timer = new CancellationTokenSource(limit, context.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            try
            {
                using HttpResponseMessage response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                return (int)response.StatusCode >= 500
                    ? [new StartupProblem(check, $"answered {(int)response.StatusCode} {response.ReasonPhrase}", "check the dependency's health, or the URL in the configuration")]
                    : [];
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested)
            {
                return [new StartupProblem(check, $"did not answer within {limit}", "start it, or check the URL and firewall")];
            }
            catch (HttpRequestException e)
            {
                return [new StartupProblem(check, $"is not reachable ({e.Message})", "start it, or correct the URL in the configuration")];
            }
        });
    }

    /// <summary>Runs every check and returns all problems, in the order the checks were declared.</summary>
    /// <param name="context">What the checks read.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <returns>The problems; empty when all is well.</returns>
    public async Task<IReadOnlyList<StartupProblem>> ValidateAsync(StartupValidationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Task<IEnumerable<StartupProblem>>[] running = _checks.Select(check => RunOne(check, context, cancellationToken)).ToArray();
        IEnumerable<StartupProblem>[] results = await Task.WhenAll(running).ConfigureAwait(false);
        return results.SelectMany(r => r).ToArray();
    }

    private static async Task<IEnumerable<StartupProblem>> RunOne(
        Func<StartupValidationContext, CancellationToken, Task<IEnumerable<StartupProblem>>> check,
        StartupValidationContext context,
        CancellationToken cancellationToken)
    {
        try
        {
            return await check(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return [new StartupProblem("start-up check", $"threw {e.GetType().Name}: {e.Message}", "fix the check or the condition it tests")];
        }
    }

    private StartupValidationBuilder AddSync(Func<StartupValidationContext, IEnumerable<StartupProblem>> check) =>
        Add((context, _) => Task.FromResult(check(context)));

    internal static bool TryParseFlag(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "ON":
                value = true;
                return true;
            case "FALSE" or "0" or "NO" or "OFF":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
