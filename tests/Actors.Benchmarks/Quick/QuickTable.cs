namespace Actors.Benchmarks.Quick;

/// <summary>Rows of figure, actors, baseline, ratio, target, met; written as an aligned text table.</summary>
internal sealed class QuickTable
{
    private readonly List<string[]> _rows = new();

    public int Met { get; private set; }

    public int WithTarget { get; private set; }

    public void Add(string figure, string unit, double actors, double baseline, double? target, bool higherIsBetter)
    {
        string met = "-";
        string targetText = "-";
        if (target is { } t)
        {
            bool ok = higherIsBetter ? actors >= t : actors <= t;
            WithTarget++;
            Met += ok ? 1 : 0;
            met = ok ? "yes" : "NO";
            targetText = (higherIsBetter ? ">= " : "<= ") + QuickRunner.Format(t) + " " + unit;
        }

        string ratio = baseline > 0 ? (actors / baseline).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "x" : "-";
        _rows.Add([figure, QuickRunner.Format(actors) + " " + unit, QuickRunner.Format(baseline) + " " + unit, ratio, targetText, met]);
    }

    public void Write(TextWriter output)
    {
        string[] header = ["Figure", "Actors", "Raw .NET baseline", "Actors/baseline", "Target", "Met"];
        var widths = new int[header.Length];
        foreach (string[] row in _rows.Prepend(header))
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(output, header, widths);
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (string[] row in _rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] row, int[] widths) =>
        output.WriteLine(string.Join(" | ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))));
}
