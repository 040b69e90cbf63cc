using Actors.Hocon.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Actors.Hocon.Tests.Resolution;

/// <summary>Properties of <see cref="Config.WithFallback"/>: receiver wins, objects merge, associativity, identity.</summary>
public sealed class WithFallbackPropertyTests
{
    private static Config P(string text) => TestHocon.Parse(text);

    private static IEnumerable<(string[] Path, HoconValue Value)> Leaves(HoconValue value, string[] path)
    {
        if (value is HoconObject o && o.Count > 0)
        {
            foreach (var pair in o.Items)
            {
                foreach (var leaf in Leaves(pair.Value, [.. path, pair.Key]))
                {
                    yield return leaf;
                }
            }
        }
        else
        {
            yield return (path, value);
        }
    }

    private static string Expr(string[] path) => string.Join('.', path.Select(k => "\"" + k + "\""));

    [Property(MaxTest = 200)]
    public Property WithFallback_ReceiverLeaves_AlwaysWin() =>
        Prop.ForAll(ConfigGenerators.Documents, ConfigGenerators.Documents, (a, b) =>
        {
            var receiver = P(a);
            var merged = receiver.WithFallback(P(b));
            return Leaves(receiver.Root, []).Where(l => l.Path.Length > 0 && l.Value is not HoconObject)
                .All(l => HoconAssert.AreEquivalent(l.Value, merged.GetValue(Expr(l.Path))!));
        });

    [Property(MaxTest = 200)]
    public Property WithFallback_IsAssociative() =>
        Prop.ForAll(ConfigGenerators.Triples.ToArbitrary(), t =>
        {
            var (a, b, c) = (P(t.A), P(t.B), P(t.C));
            var left = a.WithFallback(b).WithFallback(c);
            var right = a.WithFallback(b.WithFallback(c));
            return HoconAssert.AreEquivalent(left.Root, right.Root);
        });

    [Property(MaxTest = 100)]
    public Property WithFallback_EmptyIsIdentity() =>
        Prop.ForAll(ConfigGenerators.Documents, a =>
            HoconAssert.AreEquivalent(P(a).Root, P(a).WithFallback(ConfigurationFactory.Empty).Root)
            && HoconAssert.AreEquivalent(P(a).Root, ConfigurationFactory.Empty.WithFallback(P(a)).Root));

    [Property(MaxTest = 100)]
    public Property WithFallback_IsIdempotent() =>
        Prop.ForAll(ConfigGenerators.Documents, a => HoconAssert.AreEquivalent(P(a).Root, P(a).WithFallback(P(a)).Root));

    [Property(MaxTest = 200)]
    public Property WithFallback_EqualsTextualConcatenation() =>
        Prop.ForAll(ConfigGenerators.Documents, ConfigGenerators.Documents, (a, b) =>
            HoconAssert.AreEquivalent(P(b[1..^1] + "\n" + a[1..^1]).Root, P(a).WithFallback(P(b)).Root));

    [Property(MaxTest = 200)]
    public Property Render_ThenParse_RoundTrips() =>
        Prop.ForAll(ConfigGenerators.Documents, a =>
        {
            var config = P(a);
            return HoconAssert.AreEquivalent(config.Root, P(config.ToString()).Root)
                && HoconAssert.AreEquivalent(config.Root, P(config.Render(HoconRenderOptions.JsonConcise)).Root)
                && HoconAssert.AreEquivalent(config.Root, P(config.Render(new HoconRenderOptions { Formatted = false })).Root);
        });

    [Fact]
    public void WithFallback_NestedObjects_MergeRecursively()
    {
        var merged = P("a { b { c = 1 } }").WithFallback(P("a { b { d = 2 }, e = 3 }"));
        Assert.Equal(1, merged.GetInt("a.b.c"));
        Assert.Equal(2, merged.GetInt("a.b.d"));
        Assert.Equal(3, merged.GetInt("a.e"));
    }

    [Fact]
    public void WithFallback_ObjectThatReplacedNonObject_IgnoresFallbacks()
    {
        // Same as the text "a { z = 3 }\na = 5\na { x = 1 }": the 5 hides the fallback's fields.
        var merged = P("a = 5\na { x = 1 }").WithFallback(P("a { z = 3 }"));
        Assert.Equal(1, merged.GetInt("a.x"));
        Assert.False(merged.HasPath("a.z"));
    }

    [Fact]
    public void DuplicateKey_ObjectThatReplacedNonObject_HidesEarlierObjectInSameFile()
    {
        // Found by WithFallback_EqualsTextualConcatenation: the second "a" must not merge its "c" into the first one's,
        // because within the second "a" the object "c" replaced the number 5 (same answer as WithFallback).
        var text = P("a { c { x = 1 } }\na { c = 5, c { y = 2 } }");
        Assert.Equal(2, text.GetInt("a.c.y"));
        Assert.False(text.HasPath("a.c.x"));
        var merged = P("a { c = 5, c { y = 2 } }").WithFallback(P("a { c { x = 1 } }"));
        Assert.True(HoconAssert.AreEquivalent(text.Root, merged.Root));
    }

    [Fact]
    public void WithFallback_ReceiverNonObject_HidesFallbackObject()
    {
        var merged = P("a = 1").WithFallback(P("a { b = 2 }"));
        Assert.Equal(1, merged.GetInt("a"));
        Assert.False(merged.HasPath("a.b"));
    }

    [Fact]
    public void WithFallback_DoesNotModifyInputs()
    {
        var a = P("x { y = 1 }");
        var b = P("x { z = 2 }");
        _ = a.WithFallback(b);
        Assert.False(a.HasPath("x.z"));
        Assert.False(b.HasPath("x.y"));
    }

    [Fact]
    public void WithFallback_SubConfig_MergesWithOtherConfig()
    {
        var sub = P("outer { inner { a = 1 } }").GetConfig("outer.inner");
        var merged = sub.WithFallback(P("b = 2"));
        Assert.Equal(1, merged.GetInt("a"));
        Assert.Equal(2, merged.GetInt("b"));
    }
}
