using System.Globalization;
using System.Text;
using AkkaConfig = Akka.Configuration.Config;
using AkkaHoconArray = Akka.Configuration.Hocon.HoconArray;
using AkkaHoconValue = Akka.Configuration.Hocon.HoconValue;

namespace Actors.Hocon.Tests.AkkaBridge;

/// <summary>
/// Walks one of our resolved trees and reads every path both through our <see cref="Config"/> and through the
/// <see cref="AkkaConfig"/> that <see cref="AkkaConfigExtensions.ToAkkaConfig"/> made of it. Scalars are read with
/// every getter ours accepts for them (GetString, GetBoolean, GetInt, GetLong, GetDouble, GetTimeSpan, GetByteSize)
/// and Akka must give the same value; objects must have the same keys; arrays the same length, the same
/// GetStringList and the same elements; a null is Akka's null literal. A read that differs is a failure unless an
/// entry of <see cref="AkkaKnownDifferences"/> covers it.
/// </summary>
internal sealed class AkkaReadComparer
{
    private static readonly Getter[] s_scalarGetters =
    [
        new("GetString", (c, p) => c.GetString(p), (a, p) => a.GetString(p)),
        new("GetBoolean", (c, p) => c.GetBoolean(p), (a, p) => a.GetBoolean(p)),
        new("GetInt", (c, p) => c.GetInt(p), (a, p) => a.GetInt(p)),
        new("GetLong", (c, p) => c.GetLong(p), (a, p) => a.GetLong(p)),
        new("GetDouble", (c, p) => c.GetDouble(p), (a, p) => a.GetDouble(p)),
        new("GetTimeSpan", (c, p) => c.GetTimeSpan(p), (a, p) => a.GetTimeSpan(p)),
        new("GetByteSize", (c, p) => c.GetByteSize(p), (a, p) => a.GetByteSize(p)),
    ];

    private static readonly Getter s_stringList =
        new("GetStringList", (c, p) => c.GetStringList(p), (a, p) => a.GetStringList(p));

    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _excused = new(StringComparer.Ordinal);
    private readonly List<string> _excusedReads = [];

    private AkkaReadComparer()
    {
    }

    /// <summary>Values compared (objects, arrays, array elements, scalars and nulls).</summary>
    public int Values { get; private set; }

    /// <summary>Getter calls whose results were compared.</summary>
    public int Reads { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>How many differing reads each known difference excused.</summary>
    public IReadOnlyDictionary<string, int> Excused => _excused;

    /// <summary>Each excused read: path, getter, both results and the known difference.</summary>
    public IReadOnlyList<string> ExcusedReads => _excusedReads;

    public static AkkaReadComparer Compare(Config ours)
    {
        var comparer = new AkkaReadComparer();
        var akka = ours.ToAkkaConfig();
        comparer.Check(akka.IsEmpty == (ours.Root.Count == 0), "(root)", "IsEmpty differs");
        foreach (var (key, value) in ours.Root.Items)
        {
            comparer.CompareAt(ours, [key], akka, value);
        }

        return comparer;
    }

    public void AssertNoFailures(string label) =>
        Assert.True(
            _failures.Count == 0,
            $"{label}: Akka reads {_failures.Count} value(s) differently:\n" + string.Join("\n", _failures.Take(40)));

    /// <summary>Renders a path for Akka's Config, quoting segments as needed; null when a key cannot be written.</summary>
    public static string? AkkaPath(IReadOnlyList<string> segments)
    {
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Contains('"', StringComparison.Ordinal))
            {
                return null;
            }

            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            bool plain = segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
            sb.Append(plain ? segment : "\"" + segment + "\"");
        }

        return sb.ToString();
    }

    /// <summary>Our configuration holding one value at <c>v</c> (to read an array element with path getters).</summary>
    public static Config Wrap(HoconValue value) =>
        Config.FromRaw(new RawLiteral(new HoconObject(value.Origin, [new("v", value)])), _ => null);

    private void CompareAt(Config ours, string[] segments, AkkaConfig akka, HoconValue value)
    {
        string ourPath = HoconPath.Render(segments);
        if (AkkaPath(segments) is not { } akkaPath)
        {
            Excuse(AkkaKnownDifferences.AkkaPath, value, ourPath, "the key cannot be named in Akka's path syntax");
            if (FindNode(akka, segments) is { } node)
            {
                CompareAt(Wrap(value), ["v"], node.AtKey("v"), value);
            }
            else
            {
                _failures.Add($"{ourPath}: missing from Akka's tree");
            }

            return;
        }

        Values++;
        switch (value)
        {
            case HoconObject o:
                CompareObject(ours, segments, akka, akkaPath, o);
                break;
            case HoconArray a:
                CompareArray(ours, ourPath, akka, akkaPath, a);
                break;
            case HoconNull:
                // Akka keeps null as the literal its own parser makes of `a = null`: the path exists, GetString is null.
                Check(!ours.HasPath(ourPath), ourPath, "our HasPath of a null is true");
                Check(akka.HasPath(akkaPath), ourPath, "Akka's HasPath of a null is false");
                Check(akka.GetString(akkaPath) is null, ourPath, "Akka's GetString of a null is not null");
                break;
            default:
                Check(ours.HasPath(ourPath) && akka.HasPath(akkaPath), ourPath, "HasPath differs");
                foreach (var getter in s_scalarGetters)
                {
                    CompareRead(getter, ours, ourPath, akka, akkaPath, value);
                }

                break;
        }
    }

    private void CompareObject(Config ours, string[] segments, AkkaConfig akka, string akkaPath, HoconObject o)
    {
        string ourPath = HoconPath.Render(segments);
        Check(ours.HasPath(ourPath) && akka.HasPath(akkaPath), ourPath, "HasPath differs");
        if (akka.GetValue(akkaPath)?.GetObject() is not { } akkaObject)
        {
            _failures.Add($"{ourPath}: not an object in Akka");
            return;
        }

        Check(akkaObject.Items.Keys.SequenceEqual(o.Keys, StringComparer.Ordinal), ourPath, "keys differ");
        CompareRead(s_stringList, ours, ourPath, akka, akkaPath, o);
        foreach (var (key, child) in o.Items)
        {
            CompareAt(ours, [.. segments, key], akka, child);
        }
    }

    private void CompareArray(Config ours, string ourPath, AkkaConfig akka, string akkaPath, HoconArray a)
    {
        Check(ours.HasPath(ourPath) && akka.HasPath(akkaPath), ourPath, "HasPath differs");
        var node = akka.GetValue(akkaPath);
        if (node is not { Values: [AkkaHoconArray akkaArray] })
        {
            _failures.Add($"{ourPath}: not an array in Akka");
            return;
        }

        var elements = node.GetArray();
        if (elements.Count != a.Count || akkaArray.Count != a.Count)
        {
            _failures.Add($"{ourPath}: {a.Count} elements, Akka has {elements.Count}");
            return;
        }

        CompareRead(s_stringList, ours, ourPath, akka, akkaPath, a);
        for (int i = 0; i < a.Count; i++)
        {
            CompareAt(Wrap(a.Items[i]), ["v"], elements[i].AtKey("v"), a.Items[i]);
        }
    }

    private void CompareRead(Getter getter, Config ours, string ourPath, AkkaConfig akka, string akkaPath, HoconValue value)
    {
        object? expected;
        try
        {
            expected = getter.Ours(ours, ourPath);
        }
        catch (HoconException)
        {
            return; // ours refuses this read; Akka is lax and may answer anything
        }

        Reads++;
        object? actual;
        try
        {
            actual = getter.Akka(akka, akkaPath);
        }
        catch (Exception e)
        {
            actual = new AkkaThrew(e.GetType().Name + ": " + e.Message);
        }

        if (Same(expected, actual))
        {
            return;
        }

        if (getter == s_stringList && ListDifferenceExcused(value, expected, actual))
        {
            return;
        }

        Excuse(getter.Name, value, ourPath, $"ours {Show(expected)}, Akka {Show(actual)}");
    }

    // A string list differs acceptably when every differing element is a string whose own GetString is a known difference.
    private bool ListDifferenceExcused(HoconValue value, object? expected, object? actual)
    {
        if (value is not HoconArray a || expected is not IReadOnlyList<string> ours || actual is not IList<string?> akka
            || ours.Count != akka.Count)
        {
            return false;
        }

        for (int i = 0; i < ours.Count; i++)
        {
            if (ours[i] != akka[i] && AkkaKnownDifferences.Find("GetString", a.Items[i]) is null)
            {
                return false;
            }
        }

        return true;
    }

    private void Excuse(string getter, HoconValue value, string ourPath, string difference)
    {
        if (AkkaKnownDifferences.Find(getter, value) is { } known)
        {
            _excused[known.Name] = _excused.GetValueOrDefault(known.Name) + 1;
            _excusedReads.Add($"{ourPath}: {getter}: {difference} [{known.Name}]");
        }
        else
        {
            _failures.Add($"{ourPath} ({value.Origin.Description}:{value.Origin.Line}): {getter}: {difference}");
        }
    }

    private void Check(bool condition, string ourPath, string message)
    {
        Reads++;
        if (!condition)
        {
            _failures.Add($"{ourPath}: {message}");
        }
    }

    private static AkkaHoconValue? FindNode(AkkaConfig akka, string[] segments)
    {
        AkkaHoconValue? node = akka.Root;
        foreach (var segment in segments)
        {
            node = node?.GetObject()?.GetKey(segment);
        }

        return node;
    }

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (IReadOnlyList<string> e, IList<string> a) => e.SequenceEqual(a),
        _ => Equals(expected, actual),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => HoconPath.Quote(s),
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(s => s is null ? "null" : HoconPath.Quote(s))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };

    private sealed record Getter(string Name, Func<Config, string, object?> Ours, Func<AkkaConfig, string, object?> Akka);

    private sealed record AkkaThrew(string Message)
    {
        public override string ToString() => "threw " + Message;
    }
}
