namespace Actors.Hocon;

/// <summary>A boolean value.</summary>
public sealed class HoconBoolean : HoconValue
{
    /// <summary>Creates a boolean value.</summary>
    /// <param name="origin">Where the value was written.</param>
    /// <param name="value">The boolean.</param>
    public HoconBoolean(HoconOrigin origin, bool value)
        : base(origin)
    {
        Value = value;
    }

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Boolean;

    /// <inheritdoc/>
    public override string? ScalarText => Value ? "true" : "false";
}
