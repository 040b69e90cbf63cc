using System.Text.Json.Serialization;

namespace Actors.Samples.Upstream;

/// <summary>
/// Faults the upstream injects, for one instance or for all (<c>POST /control/faults</c>). Every field is optional
/// in the request; an absent field keeps its current value.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>No faults.</summary>
    public static FaultSettings None { get; } = new();

    /// <summary>Refuse the WebSocket upgrade with 503.</summary>
    [JsonPropertyName("refuse")]
    public bool Refuse { get; init; }

    /// <summary>Accept, then drop the connection after this many milliseconds (0 = never).</summary>
    [JsonPropertyName("drop_after_ms")]
    public int DropAfterMs { get; init; }

    /// <summary>Delay each acknowledgement by this many milliseconds.</summary>
    [JsonPropertyName("ack_delay_ms")]
    public int AckDelayMs { get; init; }

    /// <summary>Record sends but never acknowledge them.</summary>
    [JsonPropertyName("drop_acks")]
    public bool DropAcks { get; init; }

    /// <summary>Send a frame that is not valid protocol JSON right after the connection opens.</summary>
    [JsonPropertyName("malformed")]
    public bool Malformed { get; init; }

    /// <summary>Accept, then send nothing at all (no QR, no ready, no acks, no pongs).</summary>
    [JsonPropertyName("stall")]
    public bool Stall { get; init; }

    /// <summary>
    /// The faults end by themselves this many milliseconds after they were set (0 = they stand until cleared), so a
    /// client that sets them and dies (chaos on a node killed with SIGKILL) leaves nothing standing for long.
    /// </summary>
    [JsonPropertyName("expires_after_ms")]
    public int ExpiresAfterMs { get; init; }
}
