namespace Actors.Hocon;

/// <summary>The kind of a resolved HOCON value.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming",
    "CA1720:Identifier contains type name",
    Justification = "The names are the HOCON/JSON value kinds, as in the HOCON specification.")]
public enum HoconValueType
{
    /// <summary>An object of key/value fields.</summary>
    Object,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A string (quoted, unquoted or a concatenation).</summary>
    String,

    /// <summary>A number (integer or floating point).</summary>
    Number,

    /// <summary>A boolean (<c>true</c> or <c>false</c>).</summary>
    Boolean,

    /// <summary>The <c>null</c> value.</summary>
    Null,
}
