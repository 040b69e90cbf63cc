namespace Actors.Hocon;

/// <summary>
/// Finds keys under <c>actors.</c> that no reference configuration defines (typos are the commonest configuration
/// bug) and describes each with where it was written and the closest known key. An object in a reference whose
/// <c>default</c> entry is an object declares a map: the user may add entries, each checked against <c>default</c>.
/// </summary>
public static class UnknownKeys
{
    private const string Root = "actors";
    private const string MapTemplateKey = "default";

    /// <summary>Describes every unknown key of <paramref name="config"/> (already merged over <paramref name="reference"/>).</summary>
    /// <param name="config">The user's configuration merged over the references.</param>
    /// <param name="reference">The merged reference configurations.</param>
    /// <returns>One message per unknown key, naming where it was written and the closest known key.</returns>
    public static List<string> Find(Config config, Config reference)
    {
        var warnings = new List<string>();
        if (config.GetValue(Root) is HoconObject user && reference.GetValue(Root) is HoconObject known)
        {
            Check(user, known, Root, warnings);
        }

        return warnings;
    }

    private static void Check(HoconObject user, HoconObject known, string path, List<string> warnings)
    {
        bool open = known.Count == 0;
        foreach ((string key, HoconValue value) in user.Items)
        {
            string childPath = ConfigPaths.Join(path, key);
            if (known.TryGetValue(key, out HoconValue? knownValue))
            {
                if (value is HoconObject userChild && knownValue is HoconObject knownChild)
                {
                    Check(userChild, knownChild, childPath, warnings);
                }

                continue;
            }

            if (open)
            {
                continue;
            }

            // A reference map with a `default` entry (such as actors.units.default) lets the user add entries of
            // their own; each is checked against `default`.
            if (value is HoconObject userEntry && known.TryGetValue(MapTemplateKey, out HoconValue? mapTemplate) && mapTemplate is HoconObject entryTemplate)
            {
                Check(userEntry, entryTemplate, childPath, warnings);
                continue;
            }

            string? suggestion = Closest(key, known.Keys);
            string hint = suggestion is null
                ? $"known keys here: {string.Join(", ", known.Keys)}"
                : $"did you mean '{ConfigPaths.Join(path, suggestion)}'?";
            warnings.Add($"Unknown configuration key '{childPath}' at {value.Origin}: no reference.conf defines it, so it has no effect ({hint})");
        }
    }

    private static string? Closest(string key, IReadOnlyList<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int d = Distance(key, candidate);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
