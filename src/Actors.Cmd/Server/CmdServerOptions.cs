using Actors.Hocon;

namespace Actors.Cmd;

/// <summary>Settings of the command server. HOCON: <c>actors.cmd</c> (see <see cref="FromConfig"/>).</summary>
public sealed class CmdServerOptions
{
    /// <summary>The address to listen on: an IP address or a host name.</summary>
    /// <value>Defaults to <c>127.0.0.1</c>. Any non-loopback address requires <see cref="Token"/>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (read it from <see cref="CommandServer.Endpoint"/>).</summary>
    /// <value>Defaults to 9110.</value>
    public int Port { get; set; } = CmdProtocol.DefaultPort;

    /// <summary>The shared secret clients present in their hello frame.</summary>
    /// <value>Defaults to <see langword="null"/>: no authentication, allowed only on a loopback address.</value>
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
    /// <value>Defaults to 10 seconds (on the system's clock).</value>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Recent log events kept for <c>log peek</c>.</summary>
    /// <value>Defaults to 1000.</value>
    public int LogBufferSize { get; set; } = 1000;

    /// <summary>Whether the <c>actor</c>, <c>log</c> and <c>system</c> palettes are registered at start.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool RegisterBuiltInPalettes { get; set; } = true;

    /// <summary>The node's effective configuration, shown (secrets masked) by <c>system config</c>.</summary>
    /// <value>Defaults to <see langword="null"/> (<c>system config</c> reports that none was supplied).</value>
    public Config? Config { get; set; }

    /// <summary>Where the configuration came from, shown by <c>system info</c>.</summary>
    /// <value>Defaults to <see langword="null"/>: the origin of <see cref="Config"/>, if any.</value>
    public string? ConfigOrigin { get; set; }

    /// <summary>Reads <c>actors.cmd</c> from a configuration (keys absent there keep their defaults) and keeps the configuration for <c>system config</c>.</summary>
    /// <param name="config">The node's configuration.</param>
    /// <returns>The options.</returns>
    public static CmdServerOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var o = new CmdServerOptions { Config = config };
        const string P = "actors.cmd.";
        o.Host = config.GetString(P + "host", o.Host) ?? o.Host;
        o.Port = config.GetInt(P + "port", o.Port);
        string? token = config.GetString(P + "token", null);
        o.Token = string.IsNullOrEmpty(token) ? null : token;
        o.MaxFrameSize = (int)config.GetByteSize(P + "max-frame-size", o.MaxFrameSize);
        o.OutboundQueueCapacity = config.GetInt(P + "outbound-queue-capacity", o.OutboundQueueCapacity);
        o.MaxConnections = config.GetInt(P + "max-connections", o.MaxConnections);
        o.MaxCommandsPerConnection = config.GetInt(P + "max-commands-per-connection", o.MaxCommandsPerConnection);
        o.HandshakeTimeout = config.GetTimeSpan(P + "handshake-timeout", o.HandshakeTimeout);
        o.LogBufferSize = config.GetInt(P + "log-buffer-size", o.LogBufferSize);
        return o;
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, or a non-loopback host has no token.</exception>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"actors.cmd.port must be 0..65535, not {Port}.");
        }

        if (MaxFrameSize < 1024 || OutboundQueueCapacity < 1 || MaxConnections < 1 || MaxCommandsPerConnection < 1 || LogBufferSize < 1)
        {
            throw new ArgumentException("actors.cmd: max-frame-size must be at least 1KiB and the queue, connection, command and log sizes at least 1.");
        }

        if (CmdAuthPolicy.RequiresToken(Host) && string.IsNullOrEmpty(Token))
        {
            throw new ArgumentException($"actors.cmd.host = {Host} is not a loopback address: set actors.cmd.token so that only operators holding it can connect.");
        }
    }
}
