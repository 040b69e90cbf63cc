using Actors.Hocon;

namespace Actors.Cmd;

/// <summary>Hides secrets in configuration before it leaves the process.</summary>
public static class SecretMasking
{
    /// <summary>What a masked value is replaced with.</summary>
    public const string Mask = "********";

    private static readonly string[] s_secretWords = ["key", "secret", "token", "password"];

    /// <summary>Whether a key names a secret: it contains key, secret, token or password (case-insensitive).</summary>
    /// <param name="key">A configuration key (one path element).</param>
    /// <returns>True for secret-looking keys.</returns>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (string word in s_secretWords)
        {
            if (key.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Copies a value with every value under a secret-looking key replaced by <see cref="Mask"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="key">The key it sits under, if any (when secret, the whole value is masked).</param>
    /// <returns>The masked copy.</returns>
    public static HoconValue Apply(HoconValue value, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (key is not null && IsSecretKey(key))
        {
            return new HoconString(value.Origin, Mask);
        }

        return value switch
        {
            HoconObject o => new HoconObject(o.Origin, o.Items.Select(kv => new KeyValuePair<string, HoconValue>(kv.Key, Apply(kv.Value, kv.Key)))),
            HoconArray a => new HoconArray(a.Origin, a.Items.Select(i => Apply(i, null))),
            _ => value,
        };
    }
}
