using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Samples.Node;

/// <summary>The node's command line.</summary>
/// <param name="Duration">How long the node runs; <see langword="null"/> runs until Ctrl+C (or SIGTERM).</param>
/// <param name="NoLoad">Whether the light steady load is left off.</param>
/// <param name="Chaos">Whether chaos starts with the node.</param>
/// <param name="Help">Whether usage was asked for.</param>
internal sealed partial record NodeArguments(TimeSpan? Duration, bool NoLoad, bool Chaos, bool Help)
{
    public const string Usage = """
        usage: dotnet run --project samples/Actors.Samples.Node -c Release [-- [--duration <time>] [--no-load] [--chaos]]

          --duration <time>   stop after this long: 60 or 60s (seconds), 5m (minutes); without it the node runs
                              until Ctrl+C (or SIGTERM), then prints its summary
          --no-load           no steady load (sessions sending, jobs submitted, flaky requests): an idle node
          --chaos             inject faults into every layer from the start (pbm chaos stop, or the dashboard, stops it)
          -h, --help          this text

        Settings are in hocon/node.conf (next to the binary); ACTORS__ADMIN__TOKEN=... sets the admin token,
        ACTORS__ADMIN__PORT=... the admin port (default 5080), ACTORS__CMD__PORT=... pbm's port (default 9110).
        Exit code: 0 when every request and message is accounted for, 1 when not, 2 for a bad argument,
        78 for a configuration problem (the message says which key and how to fix it).
        """;

    /// <summary>Parses <paramref name="args"/>; on a bad argument returns null and says why in <paramref name="error"/>.</summary>
    public static NodeArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        TimeSpan? duration = null;
        bool noLoad = false;
        bool chaos = false;
        bool help = false;
        error = null;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--no-load":
                    noLoad = true;
                    break;
                case "--chaos":
                    chaos = true;
                    break;
                case "--duration":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith('-'))
                    {
                        error = "--duration needs a value, such as 60, 60s or 5m";
                        return null;
                    }

                    if (!TryParseDuration(args[++i], out TimeSpan parsed))
                    {
                        error = $"--duration: '{args[i]}' is not a duration; use whole seconds (60, 60s) or minutes (5m)";
                        return null;
                    }

                    duration = parsed;
                    break;
                default:
                    error = $"unknown argument '{args[i]}'";
                    return null;
            }
        }

        return new NodeArguments(duration, noLoad, chaos, help);
    }

    /// <summary>Whole seconds (<c>60</c>, <c>60s</c>) or minutes (<c>5m</c>), at least one second.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        Match m = DurationPattern().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
        {
            return false;
        }

        duration = m.Groups[2].Value == "m" ? TimeSpan.FromMinutes(n) : TimeSpan.FromSeconds(n);
        return true;
    }

    [GeneratedRegex("^([0-9]{1,6})(s|m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
