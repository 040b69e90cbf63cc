using System.Globalization;

namespace Actors.Hocon;

/// <summary>
/// An immutable, parsed configuration: a tree of <see cref="HoconValue"/>s read with path expressions such as
/// <c>actors.deployment."/user/worker".router</c>.
/// </summary>
/// <remarks>
/// Substitutions are resolved when the configuration is created. A substitution whose path is neither in the
/// configuration nor in the environment leaves the configuration pending: reading it throws the
/// <see cref="HoconException"/> naming the substitution, but <see cref="WithFallback"/> can still supply the
/// missing value, since the merged tree is resolved again.
/// </remarks>
public sealed class Config
{
    private readonly RawNode _raw;
    private readonly Func<string, string?> _environment;
    private readonly HoconObject? _root;
    private readonly HoconException? _pending;

    internal Config(RawNode raw, Func<string, string?> environment)
    {
        _raw = raw;
        _environment = environment;
        try
        {
            _root = new Resolver(raw, environment).ResolveRoot();
        }
        catch (HoconException e) when (e.IsUnresolvedSubstitution)
        {
            _pending = e;
        }
    }

    /// <summary>The resolved root object.</summary>
    /// <exception cref="HoconException">A substitution could not be resolved.</exception>
    public HoconObject Root => _root ?? throw _pending!.Copy();

    /// <summary>True when the configuration has no fields.</summary>
    public bool IsEmpty => _root is not null ? _root.Count == 0 : RawObject.View(_raw) is { Fields.Count: 0 };

    /// <summary>True when every substitution was resolved; otherwise reading values throws until a fallback supplies them.</summary>
    public bool IsResolved => _pending is null;

    /// <summary>Gets the value at a path, or <see langword="null"/> when the path is absent.</summary>
    /// <param name="path">A path expression such as <c>a.b."c.d"</c>.</param>
    /// <returns>The value, or null.</returns>
    /// <exception cref="HoconException">The path expression is invalid or a value on the way is not an object.</exception>
    public HoconValue? GetValue(string path)
    {
        var segments = HoconPath.Parse(path);
        HoconValue current = Root;
        for (int i = 0; i < segments.Length; i++)
        {
            if (current is not HoconObject o)
            {
                throw new HoconException(
                    $"expected an object, found {Describe(current)}",
                    current.Origin,
                    HoconPath.Render(segments[..i]));
            }

            if (!o.TryGetValue(segments[i], out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>True when the path exists and its value is not <c>null</c>.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>Whether the path has a value.</returns>
    public bool HasPath(string path)
    {
        var segments = HoconPath.Parse(path);
        HoconValue current = Root;
        foreach (var segment in segments)
        {
            if (current is not HoconObject o || !o.TryGetValue(segment, out var next))
            {
                return false;
            }

            current = next;
        }

        return current is not HoconNull;
    }

    /// <summary>Gets where the value at a path was written, or <see langword="null"/> when the path is absent.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The origin, or null.</returns>
    public HoconOrigin? GetOrigin(string path) => GetValue(path)?.Origin;

    /// <summary>Gets a string (numbers and booleans are converted to their text).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The string.</returns>
    /// <exception cref="HoconException">The path is absent or null, or the value is an object or array.</exception>
    public string GetString(string path) => AsString(Required(path), path);

    /// <summary>Gets a string, or <paramref name="defaultValue"/> when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is absent.</param>
    /// <returns>The string or the default.</returns>
    /// <exception cref="HoconException">The value is an object or array.</exception>
    public string? GetString(string path, string? defaultValue)
    {
        var value = Optional(path);
        return value is null ? defaultValue : AsString(value, path);
    }

    /// <summary>Gets a 32-bit integer.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HoconException">The path is absent or the value is not a whole number in range.</exception>
    public int GetInt(string path) => AsInt(Required(path), path);

    /// <summary>Gets a 32-bit integer, or <paramref name="defaultValue"/> when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is absent.</param>
    /// <returns>The number or the default.</returns>
    /// <exception cref="HoconException">The value is present but not a whole number in range.</exception>
    public int GetInt(string path, int defaultValue)
    {
        var value = Optional(path);
        return value is null ? defaultValue : AsInt(value, path);
    }

    /// <summary>Gets a 64-bit integer.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HoconException">The path is absent or the value is not a whole number in range.</exception>
    public long GetLong(string path) => AsLong(Required(path), path);

    /// <summary>Gets a 64-bit integer, or <paramref name="defaultValue"/> when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is absent.</param>
    /// <returns>The number or the default.</returns>
    /// <exception cref="HoconException">The value is present but not a whole number in range.</exception>
    public long GetLong(string path, long defaultValue)
    {
        var value = Optional(path);
        return value is null ? defaultValue : AsLong(value, path);
    }

    /// <summary>Gets a floating-point number.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HoconException">The path is absent or the value is not a number.</exception>
    public double GetDouble(string path) => AsDouble(Required(path), path);

    /// <summary>Gets a floating-point number, or <paramref name="defaultValue"/> when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is absent.</param>
    /// <returns>The number or the default.</returns>
    /// <exception cref="HoconException">The value is present but not a number.</exception>
    public double GetDouble(string path, double defaultValue)
    {
        var value = Optional(path);
        return value is null ? defaultValue : AsDouble(value, path);
    }

    /// <summary>Gets a boolean; accepts <c>true</c>/<c>false</c>, <c>on</c>/<c>off</c> and <c>yes</c>/<c>no</c>.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="HoconException">The path is absent or the value is not a boolean.</exception>
    public bool GetBoolean(string path) => AsBoolean(Required(path), path);

    /// <summary>Gets a boolean, or <paramref name="defaultValue"/> when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is absent.</param>
    /// <returns>The boolean or the default.</returns>
    /// <exception cref="HoconException">The value is present but not a boolean.</exception>
    public bool GetBoolean(string path, bool defaultValue)
    {
        var value = Optional(path);
        return value is null ? defaultValue : AsBoolean(value, path);
    }

    /// <summary>
    /// Gets a duration: a number (milliseconds) or a string such as <c>10s</c>, <c>250 ms</c>, <c>2 minutes</c>;
    /// <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="HoconException">The path is absent or the value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path) => AsTimeSpan(Required(path), path);

    /// <summary>Gets a duration, or <paramref name="defaultValue"/> when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is absent.</param>
    /// <returns>The duration or the default.</returns>
    /// <exception cref="HoconException">The value is present but not a duration.</exception>
    public TimeSpan GetTimeSpan(string path, TimeSpan defaultValue)
    {
        var value = Optional(path);
        return value is null ? defaultValue : AsTimeSpan(value, path);
    }

    /// <summary>
    /// Gets a size in bytes: a number (bytes) or a string such as <c>512 KiB</c>, <c>10MB</c>, <c>1 gibibyte</c>;
    /// <see langword="null"/> when the path is absent or null.
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The number of bytes, or null.</returns>
    /// <exception cref="HoconException">The value is present but not a size.</exception>
    public long? GetByteSize(string path)
    {
        var value = Optional(path);
        return value is null ? null : AsByteSize(value, path);
    }

    /// <summary>Gets a size in bytes, or <paramref name="defaultValue"/> when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is absent.</param>
    /// <returns>The number of bytes or the default.</returns>
    /// <exception cref="HoconException">The value is present but not a size.</exception>
    public long GetByteSize(string path, long defaultValue) => GetByteSize(path) ?? defaultValue;

    /// <summary>
    /// Gets a list of values; an object whose keys are integers (<c>{ "0" : a, "1" : b }</c>) is read as a list in key
    /// order. Returns an empty list when the path is absent or null.
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The elements.</returns>
    /// <exception cref="HoconException">The value is present but not a list.</exception>
    public IReadOnlyList<HoconValue> GetList(string path)
    {
        var value = Optional(path);
        return value is null ? [] : AsList(value, path);
    }

    /// <summary>Gets a list of strings (scalars converted to text); empty when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The strings.</returns>
    /// <exception cref="HoconException">The value is not a list or an element is not a scalar.</exception>
    public IReadOnlyList<string> GetStringList(string path)
    {
        var list = GetList(path);
        var result = new string[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            result[i] = AsString(list[i], path + "." + i.ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>Gets a list of strings, or <paramref name="defaultValue"/> when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is absent.</param>
    /// <returns>The strings or the default.</returns>
    /// <exception cref="HoconException">The value is not a list or an element is not a scalar.</exception>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> defaultValue) =>
        Optional(path) is null ? defaultValue : GetStringList(path);

    /// <summary>Gets a list of 32-bit integers; empty when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The numbers.</returns>
    /// <exception cref="HoconException">The value is not a list or an element is not a whole number.</exception>
    public IReadOnlyList<int> GetIntList(string path)
    {
        var list = GetList(path);
        var result = new int[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            result[i] = AsInt(list[i], path + "." + i.ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>Gets the sub-configuration at a path; an empty configuration when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The sub-configuration.</returns>
    /// <exception cref="HoconException">The value is present but not an object.</exception>
    public Config GetConfig(string path)
    {
        var value = Optional(path);
        if (value is null)
        {
            return new Config(new RawObject(new HoconOrigin(Root.Origin.Description, 0, 0)), _environment);
        }

        if (value is not HoconObject)
        {
            throw TypeError(value, path, "an object");
        }

        return new Config(new RawLiteral(value), _environment);
    }

    /// <summary>The keys of the object at a path, in order; empty when the path is absent or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="HoconException">The value is present but not an object.</exception>
    public IReadOnlyList<string> GetKeys(string path)
    {
        var value = Optional(path);
        return value switch
        {
            null => [],
            HoconObject o => [.. o.Keys],
            _ => throw TypeError(value, path, "an object"),
        };
    }

    /// <summary>The fields of the root object, in order.</summary>
    /// <returns>The key/value pairs.</returns>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable() => Root.Items;

    /// <summary>
    /// Merges this configuration over <paramref name="fallback"/>: this configuration's values win, objects merge
    /// recursively, and substitutions are resolved over the merged tree.
    /// </summary>
    /// <param name="fallback">The configuration supplying values this one lacks.</param>
    /// <returns>The merged configuration.</returns>
    /// <exception cref="HoconException">Merging creates a substitution cycle.</exception>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (ReferenceEquals(fallback, this) || (fallback.IsEmpty && fallback.IsResolved))
        {
            return this;
        }

        if (IsEmpty && IsResolved)
        {
            return new Config(fallback._raw, _environment);
        }

        return new Config(RawMerger.MergeShared(_raw, fallback._raw, []), _environment);
    }

    /// <summary>Renders the configuration with the given options.</summary>
    /// <param name="options">How to render.</param>
    /// <returns>The text.</returns>
    /// <exception cref="HoconException">A substitution could not be resolved.</exception>
    public string Render(HoconRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return HoconRenderer.Render(Root, options);
    }

    /// <summary>Renders the configuration as formatted JSON.</summary>
    /// <returns>The JSON text.</returns>
    /// <exception cref="HoconException">A substitution could not be resolved.</exception>
    public string ToJson() => Render(HoconRenderOptions.JsonFormatted);

    /// <summary>Renders the configuration as HOCON (or describes why it cannot be resolved).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (_pending is not null)
        {
            return $"<unresolved configuration: {_pending.Message}>";
        }

        try
        {
            return Render(HoconRenderOptions.Default);
        }
        catch (HoconException e)
        {
            return $"<{e.Message}>";
        }
    }

    internal static Config FromRaw(RawNode raw, Func<string, string?> environment) => new(raw, environment);

    private HoconValue Required(string path) =>
        Optional(path) ?? throw new HoconException("no value at this path", Root.Origin.Description, 0, 0, path);

    private HoconValue? Optional(string path)
    {
        var value = GetValue(path);
        return value is HoconNull ? null : value;
    }

    private static string AsString(HoconValue value, string path) =>
        value.ScalarText is { } text && value is not HoconNull ? text : throw TypeError(value, path, "a string");

    private static int AsInt(HoconValue value, string path)
    {
        long l = AsLong(value, path, "an int (32-bit)");
        if (l is < int.MinValue or > int.MaxValue)
        {
            throw TypeError(value, path, "an int (32-bit)");
        }

        return (int)l;
    }

    private static long AsLong(HoconValue value, string path) => AsLong(value, path, "a whole number");

    private static long AsLong(HoconValue value, string path, string expected)
    {
        var number = AsNumber(value, path);
        if (!number.IsWholeNumber)
        {
            throw TypeError(value, path, expected);
        }

        return number.Int64Value;
    }

    private static double AsDouble(HoconValue value, string path) => AsNumber(value, path).DoubleValue;

    private static HoconNumber AsNumber(HoconValue value, string path)
    {
        if (value is HoconNumber n)
        {
            return n;
        }

        if (value is HoconString s && double.TryParse(s.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            try
            {
                return new HoconNumber(s.Origin, s.Value.Trim());
            }
            catch (HoconException)
            {
                // fall through to the type error
            }
        }

        throw TypeError(value, path, "a number");
    }

    private static bool AsBoolean(HoconValue value, string path)
    {
        if (value is HoconBoolean b)
        {
            return b.Value;
        }

        if (value is HoconString s)
        {
            switch (s.Value)
            {
                case "true" or "on" or "yes":
                    return true;
                case "false" or "off" or "no":
                    return false;
            }
        }

        throw TypeError(value, path, "a boolean (true/false, on/off, yes/no)");
    }

    private static TimeSpan AsTimeSpan(HoconValue value, string path)
    {
        if (value is HoconNumber n)
        {
            if (double.IsFinite(n.DoubleValue) && Math.Abs(n.DoubleValue) <= TimeSpan.MaxValue.TotalMilliseconds)
            {
                return n.IsInteger ? TimeSpan.FromMilliseconds(n.Int64Value) : TimeSpan.FromTicks((long)(n.DoubleValue * TimeSpan.TicksPerMillisecond));
            }
        }
        else if (value is HoconString s && HoconUnits.TryParseDuration(s.Value, out var duration))
        {
            return duration;
        }

        throw TypeError(value, path, "a duration (such as 10s, 250 ms, 2 minutes or infinite)");
    }

    private static long AsByteSize(HoconValue value, string path)
    {
        if (value is HoconNumber n && n.IsWholeNumber)
        {
            return n.Int64Value;
        }

        if (value is HoconString s && HoconUnits.TryParseByteSize(s.Value, out var size))
        {
            return size;
        }

        throw TypeError(value, path, "a size in bytes (such as 512 KiB or 10MB)");
    }

    private static IReadOnlyList<HoconValue> AsList(HoconValue value, string path)
    {
        if (value is HoconArray a)
        {
            return a.Items;
        }

        if (value is HoconObject o)
        {
            var indexed = new SortedDictionary<int, HoconValue>();
            foreach (var pair in o.Fields)
            {
                if (int.TryParse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    indexed[index] = pair.Value;
                }
            }

            if (indexed.Count > 0 || o.Count == 0)
            {
                return [.. indexed.Values];
            }
        }

        throw TypeError(value, path, "a list");
    }

    private static HoconException TypeError(HoconValue value, string path, string expected) =>
        new($"expected {expected}, found {Describe(value)}", value.Origin, path);

    private static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "a list",
        HoconString s => HoconPath.Quote(s.Value.Length > 60 ? s.Value[..57] + "..." : s.Value),
        _ => value.ScalarText ?? "a value",
    };
}
