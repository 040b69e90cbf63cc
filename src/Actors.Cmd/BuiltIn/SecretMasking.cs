using System.Globalization;
using System.Text.Json.Nodes;
using Akka.Configuration.Hocon;

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

    /// <summary>
    /// Converts a value of an Akka configuration (<see cref="Akka.Configuration.Config.GetValue"/>, <see cref="Akka.Configuration.Config.Root"/>)
    /// to JSON with every value under a secret-looking key replaced by <see cref="Mask"/>. Akka keeps scalars as text:
    /// those that read as numbers, true or false become JSON numbers and booleans.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="key">The key it sits under, if any (when secret, the whole value is masked).</param>
    /// <returns>The masked JSON; <see langword="null"/> for an empty value.</returns>
    public static JsonNode? ToMaskedJson(HoconValue value, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (key is not null && IsSecretKey(key))
        {
            return JsonValue.Create(Mask);
        }

        if (value.IsObject())
        {
            var o = new JsonObject();
            foreach (KeyValuePair<string, HoconValue> item in value.GetObject().Items)
            {
                o[item.Key] = ToMaskedJson(item.Value, item.Key);
            }

            return o;
        }

        if (value.IsArray())
        {
            var a = new JsonArray();
            foreach (HoconValue item in value.GetArray())
            {
                a.Add(ToMaskedJson(item));
            }

            return a;
        }

        if (value.IsEmpty)
        {
            return null;
        }

        string text = value.GetString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
        {
            return JsonValue.Create(whole);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ => JsonValue.Create(text),
        };
    }
}
