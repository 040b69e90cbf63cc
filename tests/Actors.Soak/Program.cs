using System.Globalization;

namespace Actors.Soak;

/// <summary>
/// The soak as a console program: <c>dotnet run --project tests/Actors.Soak -c Release -- --duration 30m [--rate 2]</c>.
/// Prints progress every 10 s and the report; exit code 0 when every must held, 1 when not, 2 for a bad argument.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage: dotnet run --project tests/Actors.Soak -c Release -- [--duration <time>] [--rate <faults per second>]

          --duration <time>   how long chaos and the clients run: 120 or 120s (seconds), 30m (minutes); default 2m
          --rate <n>          faults per second the node's chaos injects; default 2
        """;

    /// <summary>Runs the soak.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        var options = new SoakOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--duration" when value is not null && TryDuration(value, out TimeSpan duration):
                    options = options with { Duration = duration };
                    i++;
                    break;
                case "--rate" when value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) && rate is > 0 and <= 100:
                    options = options with { ChaosRate = rate };
                    i++;
                    break;
                case "-h" or "--help":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"error: bad argument '{args[i]}'{(value is null ? string.Empty : $" '{value}'")}\n\n{Usage}");
                    return 2;
            }
        }

        SoakReport report = await SoakRunner.RunAsync(options);
        Console.WriteLine(report);
        return report.Passed ? 0 : 1;
    }

    private static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        bool minutes = text.EndsWith('m');
        string digits = minutes || text.EndsWith('s') ? text[..^1] : text;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 10 && !minutes || n < 1)
        {
            return false;
        }

        duration = minutes ? TimeSpan.FromMinutes(n) : TimeSpan.FromSeconds(n);
        return true;
    }
}
