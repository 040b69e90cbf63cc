using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Actors.Hocon.Tests.Support;

/// <summary>FsCheck generators of small HOCON documents (rendered as text) over a tiny key alphabet so merges collide.</summary>
internal static class ConfigGenerators
{
    private static readonly string[] s_keys = ["a", "b", "c", "\"d.e\"", "f g"];

    public static Gen<string> Scalar { get; } = Gen.OneOf(
        Gen.Choose(-1000, 1000).Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Elements("\"x\"", "true", "false", "null", "[1, 2]", "[]", "hello world", "\"\"\"tri\"\"\"", "1.5", "10s"));

    public static Gen<string> Value(int depth) =>
        depth <= 0 ? Scalar : Gen.Frequency((3, Scalar), (2, Object(depth - 1)));

    public static Gen<string> Object(int depth) =>
        Gen.Choose(0, 4).SelectMany(count => Field(depth).ArrayOf(count)).Select(fields => "{ " + string.Join(", ", fields) + " }");

    public static Gen<string> Field(int depth) =>
        from key in Gen.Elements(s_keys)
        from sep in Gen.Elements(" = ", " : ", "=")
        from value in Value(depth)
        select key + sep + value;

    public static Gen<string> Document { get; } = Gen.Choose(0, 3).SelectMany(Object);

    public static Arbitrary<string> Documents { get; } = Document.ToArbitrary();

    public static Gen<(string A, string B, string C)> Triples { get; } =
        from a in Document
        from b in Document
        from c in Document
        select (a, b, c);
}
