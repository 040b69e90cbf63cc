using System.Globalization;

namespace Actors.Benchmarks.Support;

/// <summary>One figure beside its baseline measured in the same run, and the target for their ratio or value.</summary>
internal sealed record BenchResult(string Name, string Unit, double Value, double Baseline, string Target, bool Met, string Note)
{
    public double Ratio => Baseline > 0 ? Value / Baseline : double.NaN;

    /// <summary>The machine-readable line: <c>RESULT name=... value=... baseline=... ratio=...</c>.</summary>
    public string ResultLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"RESULT name={Name} value={Value:0.###} baseline={Baseline:0.###} ratio={Ratio:0.###}");
}
