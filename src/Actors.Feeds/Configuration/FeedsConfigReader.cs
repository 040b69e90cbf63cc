using System.Globalization;

namespace Actors.Feeds.Configuration;

/// <summary>
/// Reads <c>actors.feeds</c> into <see cref="FeedsOptions"/>. Type errors come from the getters, range errors from
/// <see cref="FeedsOptions.Validate"/>, re-thrown with the file:line:column and path of the offending key.
/// </summary>
public static class FeedsConfigReader
{
    /// <summary>The section read.</summary>
    public const string Path = "actors.feeds";

    private static readonly Lazy<Config> s_reference = new(static () => ReferenceConfig.FromAssembly(typeof(FeedsConfigReader).Assembly));

    private static readonly Dictionary<string, string> s_keys = new(StringComparer.Ordinal)
    {
        [nameof(FeedsOptions.Url)] = "url",
        [nameof(FeedsOptions.Symbols)] = "symbols",
        [nameof(FeedsOptions.MinBackoff)] = "backoff.min",
        [nameof(FeedsOptions.MaxBackoff)] = "backoff.max",
        [nameof(FeedsOptions.RandomFactor)] = "backoff.random-factor",
        [nameof(FeedsOptions.MaxRestarts)] = "max-restarts",
        [nameof(FeedsOptions.RestartWindow)] = "restart-window",
        [nameof(FeedsOptions.OpenBreakerAfter)] = "open-breaker-after",
        [nameof(FeedsOptions.StaleAfter)] = "stale-after",
        [nameof(FeedsOptions.StaleCheckInterval)] = "stale-check-interval",
        [nameof(FeedsOptions.PingInterval)] = "ping-interval",
        [nameof(FeedsOptions.ConnectTimeout)] = "connect-timeout",
        [nameof(FeedsOptions.BufferSize)] = "buffer-size",
        [nameof(FeedsOptions.FastPeriod)] = "indicator.fast",
        [nameof(FeedsOptions.SlowPeriod)] = "indicator.slow",
        ["Confirm.Url"] = "confirm.url",
        ["Confirm.Timeout"] = "confirm.timeout",
        ["Confirm.Attempts"] = "confirm.attempts",
        ["Confirm.Backoff"] = "confirm.backoff",
        ["Confirm.FallbackBias"] = "confirm.fallback-bias",
        ["Paper.Quantity"] = "paper.quantity",
        ["Paper.MinConviction"] = "paper.min-conviction",
        ["Paper.BreakerMaxFailures"] = "paper.breaker.max-failures",
        ["Paper.BreakerCallTimeout"] = "paper.breaker.call-timeout",
        ["Paper.BreakerResetTimeout"] = "paper.breaker.reset-timeout",
        ["Paper.History"] = "paper.history",
    };

    /// <summary>The defaults embedded in Actors.Feeds.</summary>
    public static Config Reference => s_reference.Value;

    /// <summary>Reads and validates the feeds' options.</summary>
    /// <param name="config">The whole configuration (the embedded defaults fill what it lacks).</param>
    /// <returns>The options.</returns>
    /// <exception cref="HoconException">A value is of the wrong type or out of range; the message names file:line:column and the path.</exception>
    public static FeedsOptions Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config full = config.WithFallback(Reference);
        var o = new FeedsOptions();
        string url = full.GetString(P("url"));
        o.Url = Uri.TryCreate(url, UriKind.Absolute, out Uri? u) ? u : throw ConfigPaths.Error(full, P("url"), $"expected an absolute ws:// address, found \"{url}\"");
        foreach (string symbol in full.GetStringList(P("symbols")))
        {
            o.Symbols.Add(symbol);
        }

        o.MinBackoff = full.GetTimeSpan(P("backoff.min"));
        o.MaxBackoff = full.GetTimeSpan(P("backoff.max"));
        o.RandomFactor = full.GetDouble(P("backoff.random-factor"));
        o.MaxRestarts = full.GetInt(P("max-restarts"));
        o.RestartWindow = full.GetTimeSpan(P("restart-window"));
        o.OpenBreakerAfter = full.GetInt(P("open-breaker-after"));
        o.StaleAfter = full.GetTimeSpan(P("stale-after"));
        o.StaleCheckInterval = full.GetTimeSpan(P("stale-check-interval"));
        o.PingInterval = full.GetTimeSpan(P("ping-interval"));
        o.ConnectTimeout = full.GetTimeSpan(P("connect-timeout"));
        o.BufferSize = full.GetInt(P("buffer-size"));
        o.FastPeriod = full.GetInt(P("indicator.fast"));
        o.SlowPeriod = full.GetInt(P("indicator.slow"));
        string confirm = full.GetString(P("confirm.url"));
        if (confirm.Length > 0)
        {
            o.Confirm.Url = Uri.TryCreate(confirm, UriKind.Absolute, out Uri? c) ? c : throw ConfigPaths.Error(full, P("confirm.url"), $"expected an absolute http:// address or \"\", found \"{confirm}\"");
        }

        o.Confirm.Timeout = full.GetTimeSpan(P("confirm.timeout"));
        o.Confirm.Attempts = full.GetInt(P("confirm.attempts"));
        o.Confirm.Backoff = full.GetTimeSpan(P("confirm.backoff"));
        o.Confirm.FallbackBias = full.GetDouble(P("confirm.fallback-bias"));
        o.Paper.Quantity = (decimal)full.GetDouble(P("paper.quantity"));
        o.Paper.MinConviction = full.GetDouble(P("paper.min-conviction"));
        o.Paper.BreakerMaxFailures = full.GetInt(P("paper.breaker.max-failures"));
        o.Paper.BreakerCallTimeout = full.GetTimeSpan(P("paper.breaker.call-timeout"));
        o.Paper.BreakerResetTimeout = full.GetTimeSpan(P("paper.breaker.reset-timeout"));
        o.Paper.History = full.GetInt(P("paper.history"));
        try
        {
            o.Validate();
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is { } name && s_keys.TryGetValue(name, out string? key))
        {
            string detail = e.Message.Split(" (Parameter", 2)[0];
            throw ConfigPaths.Error(full, P(key), string.Create(CultureInfo.InvariantCulture, $"{detail}; found {e.ActualValue}"));
        }

        return o;
    }

    private static string P(string key) => Path + "." + key;
}
