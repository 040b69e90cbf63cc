namespace Actors.Cmd;

/// <summary>Where and how a client connects.</summary>
public sealed class CmdClientOptions
{
    /// <summary>The server's host name or address.</summary>
    /// <value>Defaults to <c>127.0.0.1</c>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The server's port.</summary>
    /// <value>Defaults to 9110.</value>
    public int Port { get; set; } = CmdProtocol.DefaultPort;

    /// <summary>The token to present, if the server requires one.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? Token { get; set; }

    /// <summary>How long connecting and the handshake may take together.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How the client names itself in its hello.</summary>
    /// <value>Defaults to <c>Actors.Cmd.Client</c>.</value>
    public string ClientName { get; set; } = "Actors.Cmd.Client";

    /// <summary>The largest frame accepted from the server.</summary>
    /// <value>Defaults to 1 MiB.</value>
    public int MaxFrameSize { get; set; } = CmdProtocol.DefaultMaxFrameSize;
}
