namespace Actors.Hosting.Admin;

/// <summary>Settings of the admin HTTP endpoints, read from <c>actors.admin</c> and changeable in code.</summary>
public sealed class AdminEndpointOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string ConfigPath = "actors.admin";

    /// <summary>Whether the endpoints start at all.</summary>
    /// <value>Defaults to <see langword="true"/> (<c>actors.admin.enabled = on</c>).</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The address to bind: an IP address, <c>localhost</c>, or <c>*</c> for every address. A loopback address
    /// needs no token for reads; any other address requires <see cref="Token"/>, and then every request must carry it.
    /// </summary>
    /// <value>Defaults to <c>127.0.0.1</c>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free port (see <see cref="AdminEndpoints.Url"/>).</summary>
    /// <value>Defaults to 8080.</value>
    public int Port { get; set; } = 8080;

    /// <summary>
    /// The bearer token (<c>Authorization: Bearer &lt;token&gt;</c>). Every mutating call (POST) requires it wherever
    /// the endpoints are bound, so while it is empty they are refused with 401.
    /// </summary>
    /// <value>Defaults to empty (none).</value>
    public string Token { get; set; } = string.Empty;

    /// <summary>
    /// Whether <c>GET /metrics</c> answers the node's metrics in Prometheus text format (OpenTelemetry's exporter): the
    /// meters named <c>Actors.*</c> (the resilience layer and the workloads), the .NET runtime (GC, memory, thread pool)
    /// and the process (CPU, memory). A read like the other GETs: open on loopback, token required elsewhere.
    /// </summary>
    /// <value>Defaults to <see langword="true"/> (<c>actors.admin.metrics = on</c>).</value>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Whether the live dashboard is served: the page at <c>GET /</c> and its files under <c>/dashboard/</c>. The page
    /// reads the same endpoints as any client, so turning it off changes nothing else.
    /// </summary>
    /// <value>Defaults to <see langword="true"/> (<c>actors.admin.dashboard = on</c>).</value>
    public bool Dashboard { get; set; } = true;

    /// <summary>How many items a list answers when the request gives no <c>?limit=</c>.</summary>
    /// <value>Defaults to 50.</value>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest <c>?limit=</c> a list accepts.</summary>
    /// <value>Defaults to 1,000.</value>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Reads <c>actors.admin</c> from <paramref name="config"/> (the defaults of Actors.Hosting merged under it) and checks it.</summary>
    /// <param name="config">The configuration (the <c>actors</c> root).</param>
    /// <returns>The options.</returns>
    /// <exception cref="HoconException">A value is of the wrong type or out of range; the message names file:line:column and the path.</exception>
    public static AdminEndpointOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config full = config.WithFallback(ReferenceConfig.FromAssembly(typeof(AdminEndpointOptions).Assembly));
        var options = new AdminEndpointOptions
        {
            Enabled = full.GetBoolean(ConfigPath + ".enabled"),
            Host = full.GetString(ConfigPath + ".host").Trim(),
            Port = full.GetInt(ConfigPath + ".port"),
            Token = full.GetString(ConfigPath + ".token", string.Empty) ?? string.Empty,
            Metrics = full.GetBoolean(ConfigPath + ".metrics"),
            Dashboard = full.GetBoolean(ConfigPath + ".dashboard"),
            DefaultPageSize = full.GetInt(ConfigPath + ".default-page-size"),
            MaxPageSize = full.GetInt(ConfigPath + ".max-page-size"),
        };
        options.Validate(full);
        return options;
    }

    /// <summary>
    /// Checks the options; an error names the position of the key in <paramref name="config"/> when it was written
    /// there. Bound to a non-loopback address while enabled, a token is required.
    /// </summary>
    /// <param name="config">The configuration the options came from, for positions; may be empty.</param>
    /// <exception cref="HoconException">A value is out of range, or a token is missing.</exception>
    public void Validate(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Port is < 0 or > 65535)
        {
            throw ConfigPaths.Error(config, ConfigPath + ".port", $"expected a TCP port from 0 (pick a free one) to 65535, found {Port}");
        }

        if (!AdminBinding.TryParse(Host, out AdminBinding binding))
        {
            throw ConfigPaths.Error(config, ConfigPath + ".host", $"expected an IP address, localhost or *, found \"{Host}\"");
        }

        if (MaxPageSize < 1)
        {
            throw ConfigPaths.Error(config, ConfigPath + ".max-page-size", $"expected at least 1, found {MaxPageSize}");
        }

        if (DefaultPageSize < 1 || DefaultPageSize > MaxPageSize)
        {
            throw ConfigPaths.Error(config, ConfigPath + ".default-page-size", $"expected 1 to max-page-size ({MaxPageSize}), found {DefaultPageSize}");
        }

        if (Enabled && !binding.IsLoopback && Token.Length == 0)
        {
            throw ConfigPaths.Error(
                config,
                ConfigPath + ".host",
                $"the admin endpoints would listen on {Host}, which is not a loopback address, so they require a bearer token: " +
                "set actors.admin.token (environment variable ACTORS__ADMIN__TOKEN), or bind to 127.0.0.1");
        }
    }
}
