using Actors.Hocon;

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

    /// <summary>Reads <c>actors.admin</c> from <paramref name="config"/> (the defaults of Actors.Hosting merged under it).</summary>
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
        };
        if (options.Port is < 0 or > 65535)
        {
            throw Error(full, ConfigPath + ".port", $"expected a TCP port from 0 (pick a free one) to 65535, found {options.Port}");
        }

        if (!AdminBinding.TryParse(options.Host, out _))
        {
            throw Error(full, ConfigPath + ".host", $"expected an IP address, localhost or *, found \"{options.Host}\"");
        }

        return options;
    }

    internal static HoconException Error(Config config, string path, string detail)
    {
        HoconOrigin? origin = config.GetOrigin(path);
        return new HoconException(detail, origin?.Description, origin?.Line ?? 0, origin?.Column ?? 0, path);
    }
}
