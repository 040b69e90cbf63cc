namespace Actors.Hocon;

/// <summary>The <c>null</c> value.</summary>
public sealed class HoconNull : HoconValue
{
    /// <summary>Creates a null value.</summary>
    /// <param name="origin">Where the value was written.</param>
    public HoconNull(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Null;

    /// <inheritdoc/>
    public override string? ScalarText => "null";
}
