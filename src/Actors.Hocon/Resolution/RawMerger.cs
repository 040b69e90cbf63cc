namespace Actors.Hocon;

/// <summary>Merges raw trees: duplicate keys at parse time (in place) and <see cref="Config.WithFallback"/> (copying).</summary>
internal static class RawMerger
{
    /// <summary>Assigns a field of an object being parsed; later values merge into or replace earlier ones.</summary>
    public static void AssignInPlace(RawObject target, string key, RawNode value, string[]? path)
    {
        value = Wrap(value, path);
        if (!target.Fields.TryGetValue(key, out var existing))
        {
            target.Fields[key] = value;
            return;
        }

        // An object that itself replaced a non-object hides everything before it (as in WithFallback).
        if (value is RawObject { IgnoresFallbacks: false } higher && existing is RawObject lower)
        {
            foreach (var pair in higher.Fields)
            {
                AssignInPlace(lower, pair.Key, pair.Value, HoconPath.Append(path, pair.Key));
            }

            return;
        }

        target.Fields[key] = Combine(value, existing, path);
    }

    private static bool IsObject(RawNode node) => node is RawObject || node is RawLiteral { Value: HoconObject };

    /// <summary>Merges without modifying either tree: <paramref name="higher"/> wins, objects merge recursively.</summary>
    public static RawNode MergeShared(RawNode higher, RawNode lower, string[]? path)
    {
        var ho = RawObject.View(higher);
        if (ho is { IgnoresFallbacks: true })
        {
            return higher;
        }

        var lo = ho is null ? null : RawObject.View(lower);
        if (ho is not null && lo is not null)
        {
            var result = new RawObject(ho.Origin) { IgnoresFallbacks = lo.IgnoresFallbacks };
            foreach (var pair in lo.Fields)
            {
                result.Fields[pair.Key] = pair.Value;
            }

            foreach (var pair in ho.Fields)
            {
                result.Fields[pair.Key] = result.Fields.TryGetValue(pair.Key, out var existing)
                    ? MergeShared(pair.Value, existing, HoconPath.Append(path, pair.Key))
                    : pair.Value;
            }

            return result;
        }

        return Combine(higher, lower, path);
    }

    /// <summary>Wraps a non-object value that contains substitutions so its own-path references look at earlier values.</summary>
    public static RawNode Wrap(RawNode value, string[]? path)
    {
        if (value is RawMerge || value is RawObject || !value.HasSubstitutions || path is null)
        {
            return value;
        }

        return new RawMerge([value], path);
    }

    private static RawNode Combine(RawNode higher, RawNode lower, string[]? path)
    {
        if (IsObject(higher))
        {
            if (IsObject(lower))
            {
                return MergeShared(higher, lower, path);
            }

            if (!lower.HasSubstitutions)
            {
                var copy = RawObject.View(higher)!;
                if (ReferenceEquals(copy, higher))
                {
                    copy = new RawObject(higher.Origin);
                    foreach (var pair in ((RawObject)higher).Fields)
                    {
                        copy.Fields[pair.Key] = pair.Value;
                    }
                }

                copy.IgnoresFallbacks = true;
                return copy;
            }
        }
        else if (!higher.HasSubstitutions)
        {
            return higher;
        }

        var layers = new List<RawNode>();
        AddLayers(layers, lower);
        AddLayers(layers, higher);
        return new RawMerge([.. layers], path ?? (higher as RawMerge)?.Path ?? (lower as RawMerge)?.Path);
    }

    private static void AddLayers(List<RawNode> layers, RawNode node)
    {
        if (node is RawMerge m)
        {
            layers.AddRange(m.Layers);
        }
        else
        {
            layers.Add(node);
        }
    }
}
