using System.Text;

namespace Actors;

/// <summary>
/// The location of an actor: an address (<c>actors://system-name</c>) followed by path elements such as
/// <c>/user/units/session</c>. Paths compare by address and elements; <see cref="Uid"/> tells incarnations apart.
/// </summary>
public abstract class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private string? _name;

    private protected ActorPath(string name, long uid)
    {
        _name = name;
        Uid = uid;
    }

    /// <summary>For a path whose name is made on first use (see <see cref="CreateName"/>).</summary>
    private protected ActorPath(long uid) => Uid = uid;

    /// <summary>The last element of the path.</summary>
    public string Name => _name ??= CreateName();

    /// <summary>The incarnation number of the actor this path was created for, or 0 when unknown.</summary>
    public long Uid { get; }

    /// <summary>The address, e.g. <c>actors://my-system</c>.</summary>
    public abstract string Address { get; }

    /// <summary>The parent path; the root path is its own parent.</summary>
    public abstract ActorPath Parent { get; }

    /// <summary>The root of this path.</summary>
    public abstract RootActorPath Root { get; }

    /// <summary>Number of elements below the root.</summary>
    public abstract int Depth { get; }

    /// <summary>The path elements below the root, in order.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            string[] elements = new string[Depth];
            ActorPath p = this;
            for (int i = elements.Length - 1; i >= 0; i--)
            {
                elements[i] = p.Name;
                p = p.Parent;
            }

            return elements;
        }
    }

    /// <summary>Creates a child path.</summary>
    /// <param name="path">The parent.</param>
    /// <param name="name">The child's name.</param>
    /// <returns>The child path.</returns>
    public static ActorPath operator /(ActorPath path, string name) => new ChildActorPath(path, name, 0);

    /// <summary>Creates a child path (the named form of the <c>/</c> operator).</summary>
    /// <param name="name">The child's name.</param>
    /// <returns>The child path.</returns>
    public ActorPath Child(string name) => new ChildActorPath(this, name, 0);

    /// <summary>The path without the address, e.g. <c>/user/a/b</c>.</summary>
    /// <returns>The path string.</returns>
    public string ToStringWithoutAddress()
    {
        if (Depth == 0)
        {
            return "/";
        }

        var sb = new StringBuilder();
        AppendElements(sb);
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder(Address);
        if (Depth == 0)
        {
            sb.Append('/');
        }
        else
        {
            AppendElements(sb);
        }

        return sb.ToString();
    }

    private void AppendElements(StringBuilder sb)
    {
        if (Depth == 0)
        {
            return;
        }

        Parent.AppendElements(sb);
        sb.Append('/').Append(Name);
    }

    /// <inheritdoc/>
    public bool Equals(ActorPath? other)
    {
        if (other is null)
        {
            return false;
        }

        ActorPath a = this;
        ActorPath b = other;
        while (true)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.Depth != b.Depth || !string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            if (a.Depth == 0)
            {
                return string.Equals(a.Address, b.Address, StringComparison.Ordinal);
            }

            a = a.Parent;
            b = b.Parent;
        }
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (ActorPath p = this; p.Depth > 0; p = p.Parent)
        {
            hash.Add(p.Name, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    /// <summary>Equality by value.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by value.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>Whether both differ.</returns>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Ordering by string form.</summary>
    /// <param name="left">A path.</param><param name="right">Another path.</param><returns>The comparison.</returns>
    public static bool operator <(ActorPath left, ActorPath right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Ordering by string form.</summary>
    /// <param name="left">A path.</param><param name="right">Another path.</param><returns>The comparison.</returns>
    public static bool operator >(ActorPath left, ActorPath right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Ordering by string form.</summary>
    /// <param name="left">A path.</param><param name="right">Another path.</param><returns>The comparison.</returns>
    public static bool operator <=(ActorPath left, ActorPath right) => !(left > right);

    /// <summary>Ordering by string form.</summary>
    /// <param name="left">A path.</param><param name="right">Another path.</param><returns>The comparison.</returns>
    public static bool operator >=(ActorPath left, ActorPath right) => !(left < right);

    /// <summary>Makes the name of a path created without one; only such paths override it.</summary>
    /// <returns>The name.</returns>
    private protected virtual string CreateName() => throw new InvalidOperationException("This path has no name.");

    /// <summary>Whether <paramref name="name"/> is a valid actor name (not empty, no '/', not starting with '$').</summary>
    /// <param name="name">A candidate name.</param>
    /// <returns>True when valid for a user-given name.</returns>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name[0] == '$')
        {
            return false;
        }

        foreach (char c in name)
        {
            bool ok = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '@' or '&' or '=' or '+' or ',' or '.' or '!' or '~' or '*' or '\'' or ';' or '$' or '%';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
