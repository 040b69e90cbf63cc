namespace Actors.Sessions.Worker;

/// <summary>A session worker's account of itself.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="State"><c>connecting</c>, <c>waiting-for-scan</c> (a QR code is shown) or <c>ready</c>.</param>
/// <param name="QrCode">The QR token while waiting for a scan.</param>
/// <param name="ReadySince">When the session became ready.</param>
/// <param name="InFlight">Messages sent on the socket and not yet acknowledged.</param>
public sealed record SessionStatus(string InstanceId, string State, string? QrCode, DateTimeOffset? ReadySince, int InFlight);
