using System.Globalization;

namespace Actors.Hocon;

/// <summary>Parses duration (<c>10s</c>, <c>5 minutes</c>) and size (<c>64 KiB</c>, <c>1MB</c>) strings.</summary>
internal static class HoconUnits
{
    private static readonly Dictionary<string, decimal> s_durationTicks = BuildDurations();
    private static readonly Dictionary<string, decimal> s_sizeBytes = BuildSizes();

    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var trimmed = text.Trim();
        if (trimmed == "infinite")
        {
            value = Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!TrySplit(trimmed, out var number, out var unit))
        {
            return false;
        }

        if (!s_durationTicks.TryGetValue(unit.Length == 0 ? "ms" : unit, out var ticksPerUnit))
        {
            return false;
        }

        try
        {
            decimal ticks = decimal.Round(number * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
            {
                return false;
            }

            value = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static bool TryParseByteSize(string text, out long value)
    {
        value = 0;
        if (!TrySplit(text.Trim(), out var number, out var unit))
        {
            return false;
        }

        if (!s_sizeBytes.TryGetValue(unit, out var multiplier))
        {
            return false;
        }

        try
        {
            decimal bytes = decimal.Truncate(number * multiplier);
            if (bytes > long.MaxValue || bytes < long.MinValue)
            {
                return false;
            }

            value = (long)bytes;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TrySplit(string text, out decimal number, out string unit)
    {
        number = 0;
        unit = string.Empty;
        int i = 0;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            i++;
        }

        int digitsStart = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i == digitsStart)
        {
            return false;
        }

        if (i + 1 < text.Length && (text[i] == 'e' || text[i] == 'E')
            && (char.IsAsciiDigit(text[i + 1]) || (i + 2 < text.Length && (text[i + 1] == '-' || text[i + 1] == '+') && char.IsAsciiDigit(text[i + 2]))))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (!decimal.TryParse(text.AsSpan(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        unit = text[i..].Trim();
        return true;
    }

    private static Dictionary<string, decimal> BuildDurations()
    {
        var d = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var n in names)
            {
                d[n] = ticks;
            }
        }

        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return d;
    }

    private static Dictionary<string, decimal> BuildSizes()
    {
        var d = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal bytes, params string[] names)
        {
            foreach (var n in names)
            {
                d[n] = bytes;
            }
        }

        Add(1m, string.Empty, "B", "b", "byte", "bytes");
        string[] decimalPrefixes = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryPrefixes = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        string[] letters = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
        decimal power10 = 1m;
        decimal power2 = 1m;
        for (int i = 0; i < letters.Length; i++)
        {
            power10 *= 1000m;
            power2 *= 1024m;
            string upper = letters[i].ToUpperInvariant();
            string lower = letters[i].ToLowerInvariant();
            Add(power10, letters[i] + "B", decimalPrefixes[i] + "byte", decimalPrefixes[i] + "bytes");
            Add(power2, upper, lower, upper + "i", upper + "iB", binaryPrefixes[i] + "byte", binaryPrefixes[i] + "bytes");
        }

        return d;
    }
}
