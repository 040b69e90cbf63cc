using System.Globalization;
using System.Text.Json;

namespace Actors.Hocon.Tests.Support;

/// <summary>Structural comparisons of HOCON values (object key order ignored, numbers compared by value).</summary>
internal static class HoconAssert
{
    public static void EquivalentToJson(JsonElement expected, HoconValue actual, string path = "")
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = Assert.IsType<HoconObject>(actual);
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal).ToArray();
                Assert.Equal(expectedKeys, obj.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
                foreach (var p in expected.EnumerateObject())
                {
                    EquivalentToJson(p.Value, obj.Items[p.Name], path + "." + p.Name);
                }

                break;
            case JsonValueKind.Array:
                var arr = Assert.IsType<HoconArray>(actual);
                var items = expected.EnumerateArray().ToArray();
                Assert.Equal(items.Length, arr.Count);
                for (int i = 0; i < items.Length; i++)
                {
                    EquivalentToJson(items[i], arr.Items[i], path + "[" + i + "]");
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), Assert.IsType<HoconString>(actual).Value);
                break;
            case JsonValueKind.Number:
                Assert.Equal(expected.GetDouble(), Assert.IsType<HoconNumber>(actual).DoubleValue);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Assert.Equal(expected.GetBoolean(), Assert.IsType<HoconBoolean>(actual).Value);
                break;
            case JsonValueKind.Null:
                Assert.IsType<HoconNull>(actual);
                break;
            default:
                Assert.Fail($"unexpected JSON kind {expected.ValueKind} at {path}");
                break;
        }
    }

    public static void Equivalent(HoconValue expected, HoconValue actual) =>
        Assert.True(AreEquivalent(expected, actual), $"values differ:\nexpected: {expected}\nactual:   {actual}");

    public static bool AreEquivalent(HoconValue a, HoconValue b)
    {
        switch (a)
        {
            case HoconObject ao when b is HoconObject bo:
                return ao.Count == bo.Count
                    && ao.Items.All(p => bo.TryGetValue(p.Key, out var v) && AreEquivalent(p.Value, v));
            case HoconArray aa when b is HoconArray ba:
                return aa.Count == ba.Count && aa.Items.Zip(ba.Items).All(t => AreEquivalent(t.First, t.Second));
            case HoconNumber an when b is HoconNumber bn:
                return an.DoubleValue.Equals(bn.DoubleValue);
            case HoconString asv when b is HoconString bs:
                return asv.Value == bs.Value;
            case HoconBoolean ab when b is HoconBoolean bb:
                return ab.Value == bb.Value;
            case HoconNull when b is HoconNull:
                return true;
            default:
                return false;
        }
    }

    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
