namespace Actors.Sessions.Configuration;

/// <summary>Reads <see cref="SessionOptions"/> from <c>actors.sessions</c>, naming file:line:column on any error.</summary>
public static class SessionConfigReader
{
    private static readonly Dictionary<string, string> s_keys = new(StringComparer.Ordinal)
    {
        [nameof(SessionOptions.Upstream)] = "upstream",
        [nameof(SessionOptions.PingInterval)] = "ping-interval",
        [nameof(SessionOptions.ConnectTimeout)] = "connect-timeout",
        [nameof(SessionOptions.AckTimeout)] = "ack-timeout",
        [nameof(SessionOptions.AskTimeout)] = "ask-timeout",
        [nameof(SessionOptions.OutboxCapacity)] = "outbox.capacity",
        [nameof(SessionOptions.MaxInFlight)] = "outbox.max-in-flight",
        [nameof(SessionOptions.SnapshotEvery)] = "outbox.snapshot-every",
        [nameof(SessionOptions.ConnectionString)] = "outbox.connection-string",
        [nameof(SessionOptions.DataDirectory)] = "outbox.data-directory",
    };

    /// <summary>Reads and validates the options.</summary>
    /// <param name="config">The whole configuration (reference.conf included).</param>
    /// <returns>The options.</returns>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range.</exception>
    public static SessionOptions Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string Root = "actors.sessions";
        var options = new SessionOptions
        {
            PingInterval = config.GetTimeSpan($"{Root}.ping-interval"),
            ConnectTimeout = config.GetTimeSpan($"{Root}.connect-timeout"),
            AckTimeout = config.GetTimeSpan($"{Root}.ack-timeout"),
            AskTimeout = config.GetTimeSpan($"{Root}.ask-timeout"),
            DataDirectory = config.GetString($"{Root}.outbox.data-directory"),
            FileName = config.GetString($"{Root}.outbox.file-name"),
            ConnectionString = config.GetString($"{Root}.outbox.connection-string"),
            OutboxCapacity = config.GetInt($"{Root}.outbox.capacity"),
            MaxInFlight = config.GetInt($"{Root}.outbox.max-in-flight"),
            SnapshotEvery = config.GetInt($"{Root}.outbox.snapshot-every"),
        };
        string upstream = config.GetString($"{Root}.upstream").Trim();
        if (upstream.Length > 0)
        {
            options.Upstream = Uri.TryCreate(upstream, UriKind.Absolute, out Uri? uri)
                ? uri
                : throw Error(config, $"{Root}.upstream", $"not an absolute address: [{upstream}]; write e.g. ws://127.0.0.1:5090/");
        }

        string store = config.GetString($"{Root}.outbox.store").Trim().ToUpperInvariant();
        options.Store = store switch
        {
            "SQLITE" => SessionStore.Sqlite,
            "POSTGRESQL" or "POSTGRES" => SessionStore.PostgreSql,
            _ => throw Error(config, $"{Root}.outbox.store", $"expected sqlite or postgresql, found [{store.ToLowerInvariant()}]"),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e) when (e.ParamName is { } name && s_keys.TryGetValue(name, out string? key))
        {
            string detail = e.Message.Split('\n')[0].Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal).Trim();
            throw Error(config, $"{Root}.{key}", $"out of range: {detail}", e);
        }

        return options;
    }

    private static HoconException Error(Config config, string path, string detail, Exception? inner = null)
    {
        HoconOrigin? origin = config.GetOrigin(path);
        return new HoconException(detail, origin?.Description, origin?.Line ?? 0, origin?.Column ?? 0, path, inner);
    }
}
