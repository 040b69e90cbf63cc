using System.Runtime.CompilerServices;
using System.Text;

namespace Actors.Hocon;

/// <summary>Resolves a raw tree into values: substitutions, self references, concatenations and delayed merges.</summary>
internal sealed class Resolver
{
    private const int MaxDepth = 4000;
    private const long MaxBudget = 4_000_000;

    private readonly RawNode _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<(RawNode Node, SelfReferenceContext? Context), HoconValue?> _memo = [];
    private readonly HashSet<(RawNode Node, SelfReferenceContext? Context)> _inProgress = [];
    private readonly Dictionary<(RawMerge Merge, int Layer), SelfReferenceContext> _contexts = [];
    private readonly Dictionary<(RawMerge Merge, string Key), RawNode?> _mergeChildren = [];
    private readonly List<RawMerge> _fields = [];
    private readonly List<RawSubstitution> _substitutions = [];
    private long _budget;
    private int _depth;

    public Resolver(RawNode root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves a node that contains no substitutions (a literal concatenation) on its own.</summary>
    public static HoconValue? ResolveStandalone(RawNode node) => new Resolver(node, _ => null).Resolve(node, null);

    public HoconObject ResolveRoot()
    {
        var value = Resolve(_root, null);
        return value as HoconObject ?? new HoconObject(_root.Origin, []);
    }

    private HoconValue? Resolve(RawNode node, SelfReferenceContext? context)
    {
        if (node is RawLiteral literal)
        {
            return literal.Value;
        }

        if (node is RawObject)
        {
            context = null;
        }

        var key = (node, context);
        if (_memo.TryGetValue(key, out var done))
        {
            return done;
        }

        if (!_inProgress.Add(key))
        {
            throw CycleError(node);
        }

        _depth++;
        if (_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException("substitutions and values nest too deeply to resolve", CurrentOrigin(node), CurrentPath());
        }

        HoconValue? result;
        try
        {
            result = node switch
            {
                RawObject o => ResolveObject(o),
                RawArray a => ResolveArray(a, context),
                RawConcat c => ResolveConcat(c, context),
                RawSubstitution s => ResolveSubstitution(s, context),
                RawMerge m => ResolveMerge(m),
                _ => throw new HoconException("unknown value kind", node.Origin, CurrentPath()),
            };
        }
        finally
        {
            _depth--;
            _inProgress.Remove(key);
        }

        _memo[key] = result;
        return result;
    }

    private HoconObject ResolveObject(RawObject o)
    {
        var fields = new OrderedDictionary<string, HoconValue>(o.Fields.Count, StringComparer.Ordinal);
        foreach (var pair in o.Fields)
        {
            var value = Resolve(pair.Value, null);
            if (value is not null)
            {
                fields[pair.Key] = value;
            }
        }

        Spend(fields.Count, o.Origin);
        return new HoconObject(o.Origin, fields, owned: true);
    }

    private HoconArray ResolveArray(RawArray a, SelfReferenceContext? context)
    {
        var items = new List<HoconValue>(a.Items.Count);
        foreach (var item in a.Items)
        {
            var value = Resolve(item, context);
            if (value is not null)
            {
                items.Add(value);
            }
        }

        Spend(items.Count, a.Origin);
        return new HoconArray(a.Origin, [.. items], owned: true);
    }

    private HoconValue? ResolveConcat(RawConcat c, SelfReferenceContext? context)
    {
        var values = new HoconValue?[c.Parts.Count];
        HoconValue? firstObjectOrArray = null;
        HoconValue? firstScalar = null;
        int defined = 0;
        for (int i = 0; i < values.Length; i++)
        {
            var v = Resolve(c.Parts[i], context);
            values[i] = v;
            if (v is null)
            {
                continue;
            }

            defined++;
            if (v is HoconObject or HoconArray)
            {
                if (firstObjectOrArray is not null && firstObjectOrArray.Type != v.Type)
                {
                    throw ConcatError(firstObjectOrArray, v);
                }

                firstObjectOrArray ??= v;
            }
            else
            {
                firstScalar ??= v;
            }

            if (firstObjectOrArray is not null && firstScalar is not null)
            {
                throw ConcatError(firstObjectOrArray, firstScalar, v);
            }
        }

        if (defined == 0)
        {
            return null;
        }

        if (firstObjectOrArray is HoconArray)
        {
            long total = 0;
            foreach (var v in values)
            {
                total += (v as HoconArray)?.Count ?? 0;
            }

            Spend(total, c.Origin);
            var items = new List<HoconValue>((int)total);
            foreach (var v in values)
            {
                if (v is HoconArray arr)
                {
                    items.AddRange(arr.Items);
                }
            }

            return new HoconArray(c.Origin, [.. items], owned: true);
        }

        if (firstObjectOrArray is HoconObject)
        {
            HoconValue? merged = null;
            foreach (var v in values)
            {
                if (v is not null)
                {
                    merged = merged is null ? v : MergeValues(v, merged);
                }
            }

            return merged;
        }

        long length = 0;
        for (int i = 0; i < values.Length; i++)
        {
            length += (values[i]?.ScalarText?.Length ?? 0) + c.Separators[i].Length;
        }

        Spend(length, c.Origin);
        var sb = new StringBuilder((int)length);
        bool appended = false;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } v)
            {
                continue;
            }

            if (appended)
            {
                sb.Append(c.Separators[i]);
            }

            sb.Append(v.ScalarText);
            appended = true;
        }

        if (defined == 1 && firstScalar is not null)
        {
            return firstScalar;
        }

        return new HoconString(c.Origin, sb.ToString());
    }

    private HoconValue? ResolveSubstitution(RawSubstitution s, SelfReferenceContext? context)
    {
        _substitutions.Add(s);
        try
        {
            if (TryLookup(s.Path, context, out var target) || (s.WrittenPath is not null && TryLookup(s.WrittenPath, null, out target)))
            {
                var value = Resolve(target!, null);
                if (value is not null)
                {
                    return value;
                }
            }

            string name = s.EnvironmentName;
            string? env = _environment(name);
            if (env is not null)
            {
                return new HoconString(new HoconOrigin($"environment variable {name}", 0, 0), env);
            }

            if (s.Optional)
            {
                return null;
            }

            throw new HoconException(
                $"could not resolve substitution {s.Display}: the path is not in the configuration and there is no environment variable '{name}'",
                s.Origin,
                CurrentPath())
            {
                IsUnresolvedSubstitution = true,
            };
        }
        finally
        {
            _substitutions.RemoveAt(_substitutions.Count - 1);
        }
    }

    private HoconValue? ResolveMerge(RawMerge m)
    {
        _fields.Add(m);
        try
        {
            HoconValue? result = null;
            for (int i = m.Layers.Length - 1; i >= 0; i--)
            {
                var layer = m.Layers[i];
                var value = layer is RawObject ? Resolve(layer, null) : Resolve(layer, LayerContext(m, i));
                if (value is null)
                {
                    continue;
                }

                result = result is null ? value : MergeValues(result, value);
                if (result is not HoconObject)
                {
                    break;
                }
            }

            return result;
        }
        finally
        {
            _fields.RemoveAt(_fields.Count - 1);
        }
    }

    private SelfReferenceContext? LayerContext(RawMerge m, int layer)
    {
        if (m.Path is null)
        {
            return null;
        }

        if (!_contexts.TryGetValue((m, layer), out var context))
        {
            RawNode? previous = layer == 0 ? null : new RawMerge(m.Layers[..layer], m.Path);
            context = new SelfReferenceContext(m.Path, previous);
            _contexts[(m, layer)] = context;
        }

        return context;
    }

    private bool TryLookup(string[] path, SelfReferenceContext? context, out RawNode? node)
    {
        node = _root;
        for (int i = 0; i < path.Length; i++)
        {
            if (context is not null && context.Path.Length == i + 1 && StartsWith(path, context.Path))
            {
                node = context.Previous;
            }
            else
            {
                node = Child(node!, path[i]);
            }

            if (node is null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWith(string[] path, string[] prefix)
    {
        if (path.Length < prefix.Length)
        {
            return false;
        }

        for (int i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private RawNode? Child(RawNode node, string key)
    {
        switch (node)
        {
            case RawObject o:
                return o.Fields.TryGetValue(key, out var child) ? child : null;
            case RawLiteral { Value: HoconObject ho }:
                return ho.TryGetValue(key, out var value) ? new RawLiteral(value) : null;
            case RawLiteral:
                return null;
            case RawMerge m:
                if (!_mergeChildren.TryGetValue((m, key), out var merged))
                {
                    merged = MergeChild(m, key);
                    _mergeChildren[(m, key)] = merged;
                }

                return merged;
            default:
                return Resolve(node, null) is HoconObject resolved && resolved.TryGetValue(key, out var v) ? new RawLiteral(v) : null;
        }
    }

    private RawNode? MergeChild(RawMerge m, string key)
    {
        var candidates = new List<RawNode>();
        for (int i = m.Layers.Length - 1; i >= 0; i--)
        {
            var layer = m.Layers[i];
            RawNode? child;
            bool layerIsObject;
            if (layer is RawObject o)
            {
                child = o.Fields.TryGetValue(key, out var c) ? c : null;
                layerIsObject = true;
            }
            else
            {
                var value = layer is RawLiteral lit ? lit.Value : Resolve(layer, LayerContext(m, i));
                if (value is null)
                {
                    continue;
                }

                layerIsObject = value is HoconObject;
                child = value is HoconObject ho && ho.TryGetValue(key, out var v) ? new RawLiteral(v) : null;
            }

            if (!layerIsObject)
            {
                break;
            }

            if (child is null)
            {
                continue;
            }

            candidates.Add(child);
            if (child is RawLiteral { Value: not HoconObject } || (child is RawArray && !child.HasSubstitutions))
            {
                break;
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var layers = new List<RawNode>();
        for (int i = candidates.Count - 1; i >= 0; i--)
        {
            if (candidates[i] is RawMerge cm)
            {
                layers.AddRange(cm.Layers);
            }
            else
            {
                layers.Add(candidates[i]);
            }
        }

        return new RawMerge([.. layers], HoconPath.Append(m.Path, key));
    }

    private HoconValue MergeValues(HoconValue higher, HoconValue lower)
    {
        if (higher is not HoconObject ho || lower is not HoconObject lo)
        {
            return higher;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException("objects nest too deeply to merge", ho.Origin, CurrentPath());
        }

        var fields = new OrderedDictionary<string, HoconValue>(lo.Fields, StringComparer.Ordinal);
        foreach (var pair in ho.Fields)
        {
            fields[pair.Key] = fields.TryGetValue(pair.Key, out var existing) ? MergeValues(pair.Value, existing) : pair.Value;
        }

        Spend(fields.Count, ho.Origin);
        return new HoconObject(ho.Origin, fields, owned: true);
    }

    private void Spend(long amount, HoconOrigin origin)
    {
        _budget += amount;
        if (_budget > MaxBudget)
        {
            throw new HoconException("substitutions expand to a configuration that is too large", origin, CurrentPath());
        }
    }

    private string? CurrentPath()
    {
        for (int i = _fields.Count - 1; i >= 0; i--)
        {
            if (_fields[i].Path is { } p)
            {
                return HoconPath.Render(p);
            }
        }

        return null;
    }

    private HoconOrigin CurrentOrigin(RawNode node) =>
        _substitutions.Count > 0 ? _substitutions[^1].Origin : node.Origin;

    private HoconException CycleError(RawNode node)
    {
        var chain = new List<string>();
        if (node is RawMerge { Path: { } path })
        {
            int start = _fields.FindIndex(f => ReferenceEquals(f, node));
            if (start < 0)
            {
                start = _fields.FindIndex(f => f.Path is not null && HoconPath.Render(f.Path) == HoconPath.Render(path));
            }

            if (start >= 0)
            {
                for (int i = start; i < _fields.Count; i++)
                {
                    if (_fields[i].Path is { } p)
                    {
                        string rendered = HoconPath.Render(p);
                        if (chain.Count == 0 || chain[^1] != rendered)
                        {
                            chain.Add(rendered);
                        }
                    }
                }
            }

            chain.Add(HoconPath.Render(path));
        }
        else
        {
            chain.AddRange(_substitutions.Select(s => s.Display));
        }

        return new HoconException($"cycle in substitutions: {string.Join(" -> ", chain)}", CurrentOrigin(node), CurrentPath());
    }

    private HoconException ConcatError(HoconValue first, HoconValue second, HoconValue? at = null) =>
        new(
            $"cannot concatenate {Kind(first)} with {Kind(second)} (a value concatenation must be all strings, all arrays or all objects)",
            (at ?? second).Origin,
            CurrentPath());

    private static string Kind(HoconValue value) => value.Type switch
    {
        HoconValueType.Object => "an object",
        HoconValueType.Array => "an array",
        _ => "a string",
    };
}
