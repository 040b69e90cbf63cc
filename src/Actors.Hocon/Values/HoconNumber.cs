using System.Globalization;

namespace Actors.Hocon;

/// <summary>A number value; keeps the text it was written with.</summary>
public sealed class HoconNumber : HoconValue
{
    private readonly long _integer;
    private readonly double _double;

    /// <summary>Creates a number from its text (JSON number syntax).</summary>
    /// <param name="origin">Where the value was written.</param>
    /// <param name="text">The number as written, for example <c>42</c>, <c>-1.5</c> or <c>1e6</c>.</param>
    /// <exception cref="HoconException">The text is not a number.</exception>
    public HoconNumber(HoconOrigin origin, string text)
        : base(origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            IsInteger = true;
            _integer = l;
            _double = l;
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            _double = d;
            if (Math.Abs(d) < 9.2e18 && Math.Floor(d) == d)
            {
                _integer = (long)d;
                IsWholeNumber = true;
            }
        }
        else
        {
            throw new HoconException($"'{text}' is not a number", origin, null);
        }

        IsWholeNumber |= IsInteger;
    }

    /// <summary>The number exactly as written.</summary>
    public string Text { get; }

    /// <summary>True when the number was written as an integer that fits in a 64-bit signed integer.</summary>
    public bool IsInteger { get; }

    /// <summary>True when the number has no fractional part and fits in a 64-bit signed integer (for example <c>42</c> or <c>4.2e1</c>).</summary>
    public bool IsWholeNumber { get; }

    /// <summary>The number as a double.</summary>
    public double DoubleValue => _double;

    /// <summary>The number as a 64-bit integer; only meaningful when <see cref="IsWholeNumber"/> is true.</summary>
    public long Int64Value => _integer;

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Number;

    /// <inheritdoc/>
    public override string? ScalarText => Text;
}
