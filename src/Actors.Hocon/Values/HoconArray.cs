namespace Actors.Hocon;

/// <summary>An array (list) value.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly HoconValue[] _items;

    /// <summary>Creates an array.</summary>
    /// <param name="origin">Where the array was written.</param>
    /// <param name="items">The elements.</param>
    public HoconArray(HoconOrigin origin, IEnumerable<HoconValue> items)
        : base(origin)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
        foreach (var item in _items)
        {
            ArgumentNullException.ThrowIfNull(item);
        }
    }

    internal HoconArray(HoconOrigin origin, HoconValue[] items, bool owned)
        : base(origin)
    {
        _ = owned;
        _items = items;
    }

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<HoconValue> Items => _items;

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Array;

    /// <inheritdoc/>
    public override string? ScalarText => null;
}
