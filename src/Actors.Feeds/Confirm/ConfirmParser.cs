using System.Globalization;
using System.Text.Json;

namespace Actors.Feeds.Confirm;

/// <summary>
/// Reads a bias from what a confirm endpoint (often a language model) answers: a JSON object, possibly inside a
/// fenced code block (<c>```json … ```</c>) or surrounded by prose. The bias is the object's <c>bias</c> (a number or
/// a numeric string) from 0 to 1. Never throws.
/// </summary>
public static class ConfirmParser
{
    /// <summary>Finds and reads the bias.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="bias">The bias when found.</param>
    /// <param name="error">Why none was found, otherwise <see langword="null"/>.</param>
    /// <returns>Whether a bias was found.</returns>
    public static bool TryParse(string? body, out double bias, out string? error)
    {
        bias = 0;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = "empty response";
            return false;
        }

        // Each '{' is a candidate start: the first balanced object that parses and has a bias wins, so prose with
        // braces before the real object, or a fence around it, does not matter.
        for (int start = body.IndexOf('{', StringComparison.Ordinal); start >= 0; start = body.IndexOf('{', start + 1))
        {
            int end = MatchingBrace(body, start);
            if (end < 0)
            {
                break;
            }

            try
            {
                using JsonDocument doc = JsonDocument.Parse(body.AsMemory(start, end - start + 1), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (TryBias(doc.RootElement, out bias, out error))
                {
                    return true;
                }

                if (error is not null)
                {
                    return false;
                }
            }
            catch (JsonException)
            {
                // Not JSON from this brace: try the next one.
            }
        }

        error = "no JSON object with a \"bias\" in the response";
        return false;
    }

    private static bool TryBias(JsonElement root, out double bias, out string? error)
    {
        bias = 0;
        error = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("bias", out JsonElement value))
        {
            return false;
        }

        bool read = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out bias),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out bias),
            _ => false,
        };
        if (!read || double.IsNaN(bias) || bias < 0 || bias > 1)
        {
            error = $"\"bias\" must be a number from 0 to 1, found {value.GetRawText()}";
            bias = 0;
            return false;
        }

        return true;
    }

    private static int MatchingBrace(string text, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
