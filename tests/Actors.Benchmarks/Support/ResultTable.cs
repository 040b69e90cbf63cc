using System.Globalization;

namespace Actors.Benchmarks.Support;

/// <summary>Writes results as an aligned table.</summary>
internal static class ResultTable
{
    public static void Write(TextWriter output, IReadOnlyList<BenchResult> results)
    {
        string[] header = ["figure", "value", "baseline", "ratio", "target", "met", "baseline is"];
        var rows = new List<string[]> { header };
        foreach (BenchResult r in results)
        {
            rows.Add([
                r.Name,
                Format(r.Value) + " " + r.Unit,
                Format(r.Baseline) + " " + r.Unit,
                r.Ratio.ToString("0.00", CultureInfo.InvariantCulture),
                r.Target,
                r.Met ? "yes" : "NO",
                r.Note,
            ]);
        }

        int[] widths = Enumerable.Range(0, header.Length).Select(i => rows.Max(row => row[i].Length)).ToArray();
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i is 0 or 4 or 5 or 6 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }
    }

    public static string Format(double value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " M",
        >= 10_000 => (value / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + " k",
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
