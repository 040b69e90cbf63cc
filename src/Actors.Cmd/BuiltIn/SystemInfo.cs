namespace Actors.Cmd;

/// <summary>What <c>system info</c> reports.</summary>
/// <param name="System">The actor system's name.</param>
/// <param name="AkkaVersion">The version of Akka.NET the node runs.</param>
/// <param name="CmdVersion">The version of the command server.</param>
/// <param name="ProtocolVersion">The pbm protocol version.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="OperatingSystem">The operating system.</param>
/// <param name="Machine">The machine name.</param>
/// <param name="ProcessId">The process id.</param>
/// <param name="StartTime">When the actor system started.</param>
/// <param name="Uptime">How long it has run.</param>
/// <param name="ConfigOrigin">Where its configuration came from, if known (<see cref="CmdServerOptions.ConfigOrigin"/>).</param>
/// <param name="Endpoint">The command server's endpoint.</param>
/// <param name="Connections">Connected pbm clients.</param>
/// <param name="Palettes">Registered palettes.</param>
public sealed record SystemInfo(
    string System,
    string AkkaVersion,
    string CmdVersion,
    int ProtocolVersion,
    string Runtime,
    string OperatingSystem,
    string Machine,
    int ProcessId,
    DateTimeOffset StartTime,
    TimeSpan Uptime,
    string? ConfigOrigin,
    string Endpoint,
    int Connections,
    IReadOnlyList<string> Palettes);
