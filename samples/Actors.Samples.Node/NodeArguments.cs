using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Samples.Node;

/// <summary>The node's command line: <c>--duration</c> and <c>--help</c>, nothing else.</summary>
/// <param name="Duration">How long the load runs.</param>
/// <param name="Help">Whether usage was asked for.</param>
internal sealed partial record NodeArguments(TimeSpan Duration, bool Help)
{
    public const string Usage = """
        usage: dotnet run --project samples/Actors.Samples.Node -c Release [-- --duration <time>]

          --duration <time>   how long the load runs: 60 or 60s (seconds), 1m (minutes); default 10s
          -h, --help          this text

        Settings are in hocon/node.conf (next to the binary); ACTORS__ADMIN__TOKEN=... sets the admin token.
        """;

    /// <summary>Parses <paramref name="args"/>; on a bad argument returns null and says why in <paramref name="error"/>.</summary>
    public static NodeArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        TimeSpan duration = TimeSpan.FromSeconds(10);
        bool help = false;
        error = null;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--duration":
                    if (i + 1 >= args.Count || args[i + 1].StartsWith('-'))
                    {
                        error = "--duration needs a value, such as 60, 60s or 1m";
                        return null;
                    }

                    if (!TryParseDuration(args[++i], out duration))
                    {
                        error = $"--duration: '{args[i]}' is not a duration; use whole seconds (60, 60s) or minutes (1m)";
                        return null;
                    }

                    break;
                default:
                    error = $"unknown argument '{args[i]}'";
                    return null;
            }
        }

        return new NodeArguments(duration, help);
    }

    /// <summary>Whole seconds (<c>60</c>, <c>60s</c>) or minutes (<c>1m</c>), at least one second.</summary>
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
