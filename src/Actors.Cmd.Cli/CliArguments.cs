using System.Globalization;

namespace Actors.Cmd.Cli;

/// <summary>pbm's own options, split from the command tokens.</summary>
internal sealed class CliArguments
{
    public const string TokenVariable = "PBM_TOKEN";

    public string Host { get; private set; } = "127.0.0.1";

    public int Port { get; private set; } = CmdProtocol.DefaultPort;

    public string? Token { get; private set; }

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(5);

    public bool Json { get; private set; }

    public bool Help { get; private set; }

    public bool Version { get; private set; }

    public List<string> Command { get; } = [];

    public static string Usage => """
        pbm: operate a running Actors node through its command server.

        Usage:
          pbm [options] [host:port] <palette> [command] [switches]   run one command
          pbm [options] [host:port]                                  interactive shell
          pbm [host:port] help [palette [command]]                   what the node offers

        Options (anywhere on the line):
          --json             one JSON object per response line (NDJSON), for scripts
          --token <token>    token for servers that require one (or set PBM_TOKEN)
          --timeout <secs>   connect and handshake timeout (default 5)
          -h, --help         this text
          --version          pbm's version

        The endpoint defaults to 127.0.0.1:9110.

        List commands show 50 rows and a count line; -n N shows N, --all shows all.
        Commands that change the node (actor stop, breaker reset, memory cleanup...) need the token,
        on loopback too; reads on a loopback node do not.

        Exit codes:
          0  success (or cancelled with Ctrl+C)
          1  command error: the command failed, or was unknown or malformed
          2  usage error (pbm's own options or endpoint), or connection failure: nothing listening,
             timeout, connection lost
          3  authentication failure: token missing or refused

        Examples:
          pbm actor hierarchy -d 2
          pbm 10.0.0.5:9110 --token s3cret log peek -n 20 -l warning
          pbm --json system info
        """;

    public static CliArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var result = new CliArguments { Token = environment(TokenVariable) is { Length: > 0 } t ? t : null };
        bool endpointSeen = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "--json":
                    result.Json = true;
                    continue;
                case "--token":
                    result.Token = Value(args, ref i, a);
                    continue;
                case "--timeout":
                    string text = Value(args, ref i, a);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds) || seconds <= 0)
                    {
                        throw new CliUsageException($"--timeout needs a positive number of seconds, not [{text}].");
                    }

                    result.Timeout = TimeSpan.FromSeconds(seconds);
                    continue;
                case "-h" or "--help" when result.Command.Count == 0:
                    result.Help = true;
                    continue;
                case "--version" when result.Command.Count == 0:
                    result.Version = true;
                    continue;
            }

            if (result.Command.Count == 0)
            {
                // Before the palette, everything is pbm's: an option it does not know is a mistake, not a palette.
                if (a.StartsWith('-'))
                {
                    throw new CliUsageException($"unknown option [{a}]; pbm's options are --json, --token, --timeout, --help and --version (a command's own switches come after it).");
                }

                // Palette names never contain ':', so a word with one is an endpoint, and a wrong one is an error.
                if (a.Contains(':', StringComparison.Ordinal))
                {
                    if (endpointSeen)
                    {
                        throw new CliUsageException($"a second endpoint [{a}]; give one host:port before the palette.");
                    }

                    if (!TryParseEndpoint(a, out string host, out int port, out string? error))
                    {
                        throw new CliUsageException(error);
                    }

                    result.Host = host;
                    result.Port = port;
                    endpointSeen = true;
                    continue;
                }
            }

            result.Command.Add(a);
        }

        return result;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option) =>
        i + 1 < args.Count ? args[++i] : throw new CliUsageException($"{option} needs a value.");

    /// <summary>Recognizes <c>host:port</c> and <c>[v6]:port</c>.</summary>
    public static bool TryParseEndpoint(string text, out string host, out int port) => TryParseEndpoint(text, out host, out port, out _);

    /// <summary>Recognizes <c>host:port</c> and <c>[v6]:port</c>; otherwise says what is wrong.</summary>
    public static bool TryParseEndpoint(string text, out string host, out int port, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        host = string.Empty;
        port = 0;
        int colon = text.LastIndexOf(':');
        string hostPart = colon < 0 ? text : text[..colon];
        string portPart = colon < 0 ? string.Empty : text[(colon + 1)..];
        if (hostPart.StartsWith('[') && hostPart.EndsWith(']') && hostPart.Length > 2)
        {
            hostPart = hostPart[1..^1];
        }
        else if (hostPart.Contains(':', StringComparison.Ordinal))
        {
            error = $"invalid endpoint [{text}]: write an IPv6 address in brackets, e.g. [::1]:{CmdProtocol.DefaultPort}.";
            return false;
        }

        if (colon < 0 || hostPart.Length == 0 || portPart.Length == 0)
        {
            error = $"invalid endpoint [{text}]: expected host:port, e.g. 127.0.0.1:{CmdProtocol.DefaultPort}.";
            return false;
        }

        if (!int.TryParse(portPart, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            port = 0;
            error = $"invalid port [{portPart}] in [{text}]: a port is a number from 1 to 65535.";
            return false;
        }

        host = hostPart;
        error = null;
        return true;
    }
}
