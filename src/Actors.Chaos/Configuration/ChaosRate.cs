using System.Globalization;

namespace Actors.Chaos.Configuration;

/// <summary>
/// Parses and checks a chaos rate: <c>N/s</c>, <c>N/min</c>, <c>N/h</c>, a bare number (per second), or an interval
/// such as <c>500ms</c> or <c>2s</c> (one fault per interval). The allowed range is <see cref="Min"/> to
/// <see cref="Max"/> faults per second.
/// </summary>
public static class ChaosRate
{
    /// <summary>The lowest rate: one fault an hour.</summary>
    public const double Min = 1.0 / 3600;

    /// <summary>The highest rate: twenty faults a second.</summary>
    public const double Max = 20;

    /// <summary>The allowed range and forms, in words, for error messages.</summary>
    public const string AllowedText = "from 1/h to 20/s (faults per second as a number, N/s, N/min, N/h, or an interval such as 500ms or 2s)";

    /// <summary>Whether <paramref name="perSecond"/> is within the allowed range.</summary>
    /// <param name="perSecond">Faults per second.</param>
    /// <returns>True when allowed.</returns>
    public static bool IsAllowed(double perSecond) => double.IsFinite(perSecond) && perSecond >= Min - 1e-12 && perSecond <= Max;

    /// <summary>Parses <paramref name="text"/> into faults per second, within the allowed range.</summary>
    /// <param name="text">The rate as written.</param>
    /// <param name="perSecond">Faults per second.</param>
    /// <param name="error">Why it was refused, naming the allowed range.</param>
    /// <returns>True when parsed and allowed.</returns>
    public static bool TryParse(string? text, out double perSecond, out string? error)
    {
        perSecond = 0;
        error = null;
        string t = (text ?? string.Empty).Trim();
        if (t.Length == 0)
        {
            error = $"the rate is empty: use {AllowedText}";
            return false;
        }

        bool parsed = false;
        int slash = t.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            string unit = t[(slash + 1)..].Trim().ToLowerInvariant();
            double seconds = unit switch
            {
                "s" or "sec" or "second" => 1,
                "m" or "min" or "minute" => 60,
                "h" or "hour" => 3600,
                _ => double.NaN,
            };
            if (!double.IsNaN(seconds) && double.TryParse(t[..slash].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double count))
            {
                perSecond = count / seconds;
                parsed = true;
            }
        }
        else if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double bare))
        {
            perSecond = bare;
            parsed = true;
        }
        else if (TryInterval(t, out TimeSpan interval))
        {
            perSecond = interval > TimeSpan.Zero ? 1 / interval.TotalSeconds : double.PositiveInfinity;
            parsed = true;
        }

        if (!parsed)
        {
            error = $"'{t}' is not a rate: use {AllowedText}";
            return false;
        }

        if (!IsAllowed(perSecond))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{t}' is {perSecond:0.######} faults per second, outside the allowed range: {AllowedText}");
            return false;
        }

        return true;
    }

    /// <summary>Writes a rate the way <see cref="TryParse"/> reads it back, for example <c>2/s</c> or <c>6/min</c>.</summary>
    /// <param name="perSecond">Faults per second.</param>
    /// <returns>The text.</returns>
    public static string Format(double perSecond) =>
        perSecond >= 1 || perSecond <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.###}/s")
        : perSecond * 60 >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{perSecond * 60:0.###}/min")
        : string.Create(CultureInfo.InvariantCulture, $"{perSecond * 3600:0.###}/h");

    private static bool TryInterval(string text, out TimeSpan interval)
    {
        interval = TimeSpan.Zero;
        (string suffix, double scale)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("min", 60), ("h", 3600)];
        foreach ((string suffix, double scale) in units.OrderByDescending(u => u.suffix.Length))
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double n)
                && double.IsFinite(n) && n >= 0)
            {
                interval = TimeSpan.FromSeconds(n * scale);
                return true;
            }
        }

        return false;
    }
}
