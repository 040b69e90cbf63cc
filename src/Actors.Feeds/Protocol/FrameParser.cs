using System.Globalization;
using System.Text.Json;

namespace Actors.Feeds.Protocol;

/// <summary>
/// Parses the exchange's frames: <c>{"topic":"tickers.SYM","seq":N,"data":{"lastPrice":"…"}}</c>,
/// <c>{"topic":"orderbook.1.SYM","seq":N,"data":{"b":[["bid","qty"]],"a":[["ask","qty"]]}}</c>, and control frames
/// (<c>op</c> or <c>success</c>). Never throws: a frame it cannot read is reported with the reason.
/// </summary>
public static class FrameParser
{
    /// <summary>Parses one frame.</summary>
    /// <param name="text">The frame's text.</param>
    /// <param name="frame">The frame when parsed.</param>
    /// <param name="error">Why it could not be parsed, otherwise <see langword="null"/>.</param>
    /// <returns>Whether it was parsed.</returns>
    public static bool TryParse(string text, out FeedFrame frame, out string? error)
    {
        frame = default;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("topic", out JsonElement topicElement))
            {
                if (root.TryGetProperty("op", out _) || root.TryGetProperty("success", out _))
                {
                    frame = new FeedFrame(FeedFrameKind.Control, string.Empty, 0, 0, 0, 0);
                    error = null;
                    return true;
                }

                error = "no topic and no op";
                return false;
            }

            string topic = topicElement.GetString() ?? string.Empty;
            string symbol = topic[(topic.LastIndexOf('.') + 1)..];
            if (!root.TryGetProperty("seq", out JsonElement seqElement) || !seqElement.TryGetInt64(out long seq) || !root.TryGetProperty("data", out JsonElement data))
            {
                error = $"topic '{topic}' without seq or data";
                return false;
            }

            if (topic.StartsWith("tickers.", StringComparison.Ordinal))
            {
                decimal price = Number(data, "lastPrice");
                frame = new FeedFrame(FeedFrameKind.Ticker, symbol, seq, price, 0, 0);
            }
            else if (topic.StartsWith("orderbook.", StringComparison.Ordinal))
            {
                decimal bid = First(data, "b");
                decimal ask = First(data, "a");
                frame = new FeedFrame(FeedFrameKind.BookDelta, symbol, seq, (bid + ask) / 2, bid, ask);
            }
            else
            {
                error = $"unknown topic '{topic}'";
                return false;
            }

            error = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or KeyNotFoundException or IndexOutOfRangeException)
        {
            error = e.Message;
            return false;
        }
    }

    private static decimal Number(JsonElement data, string name)
    {
        JsonElement value = data.GetProperty(name);
        return value.ValueKind == JsonValueKind.String
            ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : value.GetDecimal();
    }

    private static decimal First(JsonElement data, string side)
    {
        JsonElement level = data.GetProperty(side)[0][0];
        return level.ValueKind == JsonValueKind.String
            ? decimal.Parse(level.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : level.GetDecimal();
    }
}
