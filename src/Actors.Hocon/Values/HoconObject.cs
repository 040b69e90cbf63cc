namespace Actors.Hocon;

/// <summary>An object value: fields in the order they were first written.</summary>
public sealed class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields;

    /// <summary>Creates an object from key/value pairs (later duplicates replace earlier ones).</summary>
    /// <param name="origin">Where the object was written.</param>
    /// <param name="fields">The fields.</param>
    public HoconObject(HoconOrigin origin, IEnumerable<KeyValuePair<string, HoconValue>> fields)
        : base(origin)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new OrderedDictionary<string, HoconValue>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            _fields[key] = value;
        }
    }

    internal HoconObject(HoconOrigin origin, OrderedDictionary<string, HoconValue> fields, bool owned)
        : base(origin)
    {
        _ = owned;
        _fields = fields;
    }

    /// <summary>The keys in order.</summary>
    public IReadOnlyList<string> Keys => _fields.Keys;

    /// <summary>The fields, keyed by name, in order.</summary>
    public IReadOnlyDictionary<string, HoconValue> Items => _fields;

    /// <summary>The number of fields.</summary>
    public int Count => _fields.Count;

    /// <inheritdoc/>
    public override HoconValueType Type => HoconValueType.Object;

    /// <inheritdoc/>
    public override string? ScalarText => null;

    /// <summary>Gets a field by key.</summary>
    /// <param name="key">The key (a single path segment, not a path expression).</param>
    /// <param name="value">The value when found.</param>
    /// <returns>True when the field exists.</returns>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HoconValue? value) =>
        _fields.TryGetValue(key, out value);

    internal OrderedDictionary<string, HoconValue> Fields => _fields;
}
