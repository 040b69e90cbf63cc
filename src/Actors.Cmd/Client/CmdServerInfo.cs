namespace Actors.Cmd;

/// <summary>What the server said in its welcome.</summary>
/// <param name="Host">The host the client connected to.</param>
/// <param name="Port">The port.</param>
/// <param name="ProtocolVersion">The protocol version agreed.</param>
/// <param name="Server">The server's name and version.</param>
/// <param name="Node">The actor system's name.</param>
/// <param name="Authenticated">Whether the client authenticated with a token.</param>
public sealed record CmdServerInfo(string Host, int Port, int ProtocolVersion, string Server, string Node, bool Authenticated);
