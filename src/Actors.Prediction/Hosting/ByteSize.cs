using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Prediction.Hosting;

/// <summary>A size as a client writes it in a form field: bytes (<c>65536</c>) or with a unit (<c>64KB</c>, <c>2MB</c>, <c>1GB</c>; binary multiples).</summary>
internal static partial class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        Match m = Pattern().Match(text.Trim());
        if (!m.Success || !long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long n))
        {
            return false;
        }

        long unit = m.Groups[2].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KB" or "KIB" => 1L << 10,
            "MB" or "MIB" => 1L << 20,
            _ => 1L << 30,
        };
        if (n > long.MaxValue / unit)
        {
            return false;
        }

        bytes = n * unit;
        return true;
    }

    [GeneratedRegex("^([0-9]{1,12}) ?(B|KB|KiB|MB|MiB|GB|GiB)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
