using System.Net.WebSockets;

namespace Actors.Sessions.Worker;

/// <summary>Starts the session if it is not running (sent by the outbox when messages wait); otherwise nothing.</summary>
internal sealed record SessionWake
{
    public static SessionWake Instance { get; } = new();
}

/// <summary>Asks the worker for its <see cref="SessionStatus"/> now.</summary>
internal sealed record GetSessionStatus
{
    public static GetSessionStatus Instance { get; } = new();
}

/// <summary>Asks for the QR code: answered with a <see cref="SessionStatus"/> once a QR code or ready is known.</summary>
internal sealed record GetQrCode
{
    public static GetQrCode Instance { get; } = new();
}

// Socket messages carry their socket: a restarted worker keeps its mailbox, so messages from its predecessor's
// socket can arrive after it opened a new one, and are ignored.
internal sealed record SocketConnected(ClientWebSocket Socket);

internal sealed record SocketConnectFailed(ClientWebSocket Socket, Exception Cause);

internal sealed record FrameReceived(ClientWebSocket Socket, byte[] Frame);

internal sealed record SocketClosed(ClientWebSocket Socket, string Reason);

internal sealed record PingTick
{
    public static PingTick Instance { get; } = new();
}

internal sealed record AckCheck
{
    public static AckCheck Instance { get; } = new();
}

internal sealed record ReadyTimeout
{
    public static ReadyTimeout Instance { get; } = new();
}
