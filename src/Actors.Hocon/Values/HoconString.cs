namespace Actors.Hocon;

/// <summary>A string value.</summary>
public sealed class HoconString : HoconValue
{
    /// <summary>Creates a string value.</summary>
    /// <param name="origin">Where the value was written.</param>
    /// <param name="value">The string.</param>
    public HoconString(HoconOrigin origin, string value)
        : base(origin)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The string.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.String;

    /// <inheritdoc/>
    public override string? ScalarText => Value;
}
