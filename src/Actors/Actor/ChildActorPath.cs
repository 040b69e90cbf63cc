namespace Actors;

/// <summary>A path below the root.</summary>
public sealed class ChildActorPath : ActorPath
{
    private const string GeneratedNameDigits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    private readonly ActorPath _parent;
    private readonly int _depth;
    private readonly long _generatedNumber = -1;

    /// <summary>Creates a child path.</summary>
    /// <param name="parent">The parent path.</param>
    /// <param name="name">The element name.</param>
    /// <param name="uid">The incarnation number, or 0.</param>
    public ChildActorPath(ActorPath parent, string name, long uid) : base(name, uid)
    {
        ArgumentNullException.ThrowIfNull(parent);
        _parent = parent;
        _depth = parent.Depth + 1;
    }

    /// <summary>
    /// A path with a generated name (<c>$a</c>, <c>$b</c>...: "$" and <paramref name="generatedNumber"/> in base 64),
    /// whose name string is made only when something asks for it: an unnamed actor carries its number instead.
    /// </summary>
    internal ChildActorPath(ActorPath parent, long generatedNumber, long uid) : base(uid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generatedNumber);
        _parent = parent;
        _depth = parent.Depth + 1;
        _generatedNumber = generatedNumber;
    }

    /// <inheritdoc/>
    public override string Address => _parent.Address;

    /// <inheritdoc/>
    public override ActorPath Parent => _parent;

    /// <inheritdoc/>
    public override RootActorPath Root => _parent.Root;

    /// <inheritdoc/>
    public override int Depth => _depth;

    /// <summary>The number of a generated name, or -1 for a path created with a name.</summary>
    internal long GeneratedNumber => _generatedNumber;

    /// <summary>The number behind a generated name such as <c>$a</c>, if <paramref name="name"/> is one.</summary>
    internal static bool TryParseGeneratedName(string name, out long number)
    {
        number = 0;
        if (name.Length < 2 || name.Length > 12 || name[0] != '$')
        {
            return false;
        }

        for (int i = 1; i < name.Length; i++)
        {
            int digit = GeneratedNameDigits.IndexOf(name[i], StringComparison.Ordinal);
            if (digit < 0 || (i == 1 && digit == 0 && name.Length > 2) || number > (long.MaxValue >> 6))
            {
                // Not a digit, a leading zero (not how a generated name is written), or too big for a number.
                return false;
            }

            number = (number << 6) | (uint)digit;
        }

        return true;
    }

    private protected override string CreateName()
    {
        long n = _generatedNumber;
        Span<char> buffer = stackalloc char[12];
        int i = buffer.Length;
        do
        {
            buffer[--i] = GeneratedNameDigits[(int)(n & 63)];
            n >>= 6;
        }
        while (n > 0);
        buffer[--i] = '$';
        return new string(buffer[i..]);
    }
}
