namespace Actors.Hocon;

/// <summary>An object literal of the raw tree. Mutable only while the parser that created it is running.</summary>
internal sealed class RawObject : RawNode
{
    public RawObject(HoconOrigin origin)
        : base(origin)
    {
    }

    public OrderedDictionary<string, RawNode> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True when this object replaced a non-object value: the non-object hides anything a fallback could add, so
    /// merging stops here (this keeps <see cref="Config.WithFallback"/> associative).
    /// </summary>
    public bool IgnoresFallbacks { get; set; }

    public override bool HasSubstitutions
    {
        get
        {
            foreach (var pair in Fields)
            {
                if (pair.Value.HasSubstitutions)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Views a node as an object literal: raw objects as they are, resolved objects wrapped; otherwise null.</summary>
    public static RawObject? View(RawNode node)
    {
        if (node is RawObject o)
        {
            return o;
        }

        if (node is RawLiteral { Value: HoconObject ho })
        {
            var result = new RawObject(ho.Origin);
            foreach (var pair in ho.Fields)
            {
                result.Fields[pair.Key] = new RawLiteral(pair.Value);
            }

            return result;
        }

        return null;
    }
}
