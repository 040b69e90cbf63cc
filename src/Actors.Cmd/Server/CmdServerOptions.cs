using System.Globalization;
using AkkaConfig = Akka.Configuration.Config;

namespace Actors.Cmd;

/// <summary>
/// Settings of the command server. HOCON: <c>actors.cmd</c> of the actor system's configuration (see
/// <see cref="FromConfig"/>); code may change them afterwards (<c>WithCmd(o =&gt; ...)</c>).
/// </summary>
public sealed class CmdServerOptions
{
    /// <summary>The hint every port error ends with.</summary>
    internal const string PortHint = "set actors.cmd.port (or ACTORS__CMD__PORT in the environment) to a free port; 0 picks a free port";

    private const string Prefix = "actors.cmd.";

    /// <summary>The address to listen on: an IP address or a host name.</summary>
    /// <value>Defaults to <c>127.0.0.1</c>. Any non-loopback address requires <see cref="Token"/>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (read it from <see cref="CommandServer.Endpoint"/>).</summary>
    /// <value>Defaults to 9110.</value>
    public int Port { get; set; } = CmdProtocol.DefaultPort;

    /// <summary>
    /// The admin token. Clients present it in their hello frame. Commands that change the node (stop an actor, reset
    /// a breaker, run a memory cleanup...) need it on every address, loopback included; without a token they are refused.
    /// Reads need it only when the server listens beyond loopback.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: reads open on loopback, no mutations; a non-loopback host refuses to start.</value>
    public string? Token { get; set; }

    /// <summary>The largest frame payload accepted or sent, in bytes.</summary>
    /// <value>Defaults to 1 MiB.</value>
    public int MaxFrameSize { get; set; } = CmdProtocol.DefaultMaxFrameSize;

    /// <summary>Frames queued for one client before it is disconnected as too slow.</summary>
    /// <value>Defaults to 1024.</value>
    public int OutboundQueueCapacity { get; set; } = 1024;

    /// <summary>Simultaneous connections; more are refused with <see cref="CmdErrorCodes.Overloaded"/>.</summary>
    /// <value>Defaults to 256.</value>
    public int MaxConnections { get; set; } = 256;

    /// <summary>Commands one connection may run at once.</summary>
    /// <value>Defaults to 16.</value>
    public int MaxCommandsPerConnection { get; set; } = 16;

    /// <summary>How long a new connection may take to send its hello frame.</summary>
    /// <value>Defaults to 10 seconds (real time).</value>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long <c>actor hierarchy</c> and <c>actor stat</c> wait for actors to answer <see cref="Identify"/> in all;
    /// an actor busy for longer is reported as not answering.
    /// </summary>
    /// <value>Defaults to 5 seconds (real time).</value>
    public TimeSpan ActorQueryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Recent log events kept for <c>log peek</c>.</summary>
    /// <value>Defaults to 1000.</value>
    public int LogBufferSize { get; set; } = 1000;

    /// <summary>Whether the <c>actor</c>, <c>log</c> and <c>system</c> palettes are registered at start.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool RegisterBuiltInPalettes { get; set; } = true;

    /// <summary>
    /// Whether the <c>health</c>, <c>units</c>, <c>breaker</c>, <c>errors</c> and <c>memory</c> palettes are registered
    /// as soon as the system runs a resilience runtime (<c>ResilienceRuntime.Get(system)</c>), whether it was started
    /// before or after the command server.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool RegisterResiliencePalettes { get; set; } = true;

    /// <summary>Palettes of the application, registered at start (more can be registered at run time with <see cref="CommandServer.Register"/>).</summary>
    /// <value>Defaults to none.</value>
    public IList<CommandPalette> Palettes { get; } = [];

    /// <summary>Where the node's configuration came from (for example the settings file), shown by <c>system info</c>.</summary>
    /// <value>Defaults to <see langword="null"/> (shown as not given).</value>
    public string? ConfigOrigin { get; set; }

    /// <summary>
    /// Reads <c>actors.cmd</c> from an actor system's configuration (normally <c>system.Settings.Config</c>); keys
    /// absent there keep their defaults.
    /// </summary>
    /// <param name="config">The configuration.</param>
    /// <returns>The options (not yet validated).</returns>
    /// <exception cref="CmdServerConfigurationException">A value is not of its type (it names the key).</exception>
    public static CmdServerOptions FromConfig(AkkaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var o = new CmdServerOptions();
        o.Host = Read(config, "host", o.Host, static (c, p) => c.GetString(p));
        o.Port = Read(config, "port", o.Port, static (c, p) => c.GetInt(p));
        string token = Read(config, "token", string.Empty, static (c, p) => c.GetString(p) ?? string.Empty);
        o.Token = string.IsNullOrEmpty(token) ? null : token;
        o.MaxFrameSize = Read(config, "max-frame-size", o.MaxFrameSize, static (c, p) => checked((int)(c.GetByteSize(p) ?? throw new FormatException("not a size"))));
        o.OutboundQueueCapacity = Read(config, "outbound-queue-capacity", o.OutboundQueueCapacity, static (c, p) => c.GetInt(p));
        o.MaxConnections = Read(config, "max-connections", o.MaxConnections, static (c, p) => c.GetInt(p));
        o.MaxCommandsPerConnection = Read(config, "max-commands-per-connection", o.MaxCommandsPerConnection, static (c, p) => c.GetInt(p));
        o.HandshakeTimeout = Read(config, "handshake-timeout", o.HandshakeTimeout, static (c, p) => c.GetTimeSpan(p, null, allowInfinite: false));
        o.ActorQueryTimeout = Read(config, "actor-query-timeout", o.ActorQueryTimeout, static (c, p) => c.GetTimeSpan(p, null, allowInfinite: false));
        o.LogBufferSize = Read(config, "log-buffer-size", o.LogBufferSize, static (c, p) => c.GetInt(p));
        return o;
    }

    private static T Read<T>(AkkaConfig config, string key, T fallback, Func<AkkaConfig, string, T> read)
    {
        string path = Prefix + key;
        if (!config.HasPath(path))
        {
            return fallback;
        }

        string? raw = null;
        try
        {
            raw = config.GetString(path);
            return read(config, path);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException or Akka.Configuration.ConfigurationException)
        {
            throw new CmdServerConfigurationException(
                path,
                null,
                $"{path} = {raw ?? "?"} is not a valid {Describe<T>()}: {e.Message}" + (key == "port" ? $" ({PortHint})." : "."),
                e);
        }
    }

    private static string Describe<T>() =>
        typeof(T) == typeof(int) ? "whole number" : typeof(T) == typeof(TimeSpan) ? "duration" : "value";

    /// <summary>Checks the settings.</summary>
    /// <exception cref="CmdServerConfigurationException">A setting is out of range, or a non-loopback host has no token; the message names the key and the fix.</exception>
    public void Validate()
    {
        string endpoint = FormatEndpoint(Host, Port);
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new CmdServerConfigurationException(Prefix + "host", null, "actors.cmd.host is empty: set it to an address to listen on (127.0.0.1 by default).");
        }

        if (Port is < 0 or > 65535)
        {
            throw new CmdServerConfigurationException(
                Prefix + "port",
                endpoint,
                $"actors.cmd.port = {Port.ToString(CultureInfo.InvariantCulture)} is not a TCP port, so the command server cannot listen on {endpoint}: ports are 1..65535; {PortHint}.");
        }

        Check(MaxFrameSize >= 1024, "max-frame-size", "must be at least 1KiB");
        Check(OutboundQueueCapacity >= 1, "outbound-queue-capacity", "must be at least 1");
        Check(MaxConnections >= 1, "max-connections", "must be at least 1");
        Check(MaxCommandsPerConnection >= 1, "max-commands-per-connection", "must be at least 1");
        Check(LogBufferSize >= 1, "log-buffer-size", "must be at least 1");
        Check(HandshakeTimeout > TimeSpan.Zero, "handshake-timeout", "must be a positive duration");
        Check(ActorQueryTimeout > TimeSpan.Zero, "actor-query-timeout", "must be a positive duration");
        if (CmdAuthPolicy.RequiresToken(Host) && string.IsNullOrEmpty(Token))
        {
            throw new CmdServerConfigurationException(
                Prefix + "token",
                endpoint,
                $"actors.cmd.host = {Host} is not a loopback address: set actors.cmd.token (or ACTORS__CMD__TOKEN) so that only operators holding it can connect to {endpoint}.");
        }
    }

    /// <summary>host:port, with brackets around an IPv6 address.</summary>
    internal static string FormatEndpoint(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);

    private static void Check(bool ok, string key, string rule)
    {
        if (!ok)
        {
            throw new CmdServerConfigurationException(Prefix + key, null, $"actors.cmd.{key} {rule}.");
        }
    }
}
