namespace Actors.Hocon;

/// <summary>An already resolved value inside the raw tree.</summary>
internal sealed class RawLiteral : RawNode
{
    public RawLiteral(HoconValue value)
        : base(value.Origin)
    {
        Value = value;
    }

    public HoconValue Value { get; }

    public override bool HasSubstitutions => false;
}
