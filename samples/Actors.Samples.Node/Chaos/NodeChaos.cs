using Actors.Chaos.Configuration;
using Actors.Samples.Upstream;

namespace Actors.Samples.Node.Chaos;

/// <summary>
/// The node's own chaos faults, beside the library's <c>worker-exception</c> and <c>memory-pressure</c>: the session
/// upstream (refused, dropped and malformed connections, through its control endpoint), the exchange (stalls and
/// garbage, through its control endpoint), and prediction (inputs that must be refused). Each takes its weight from
/// <c>actors.chaos.faults.&lt;name&gt;</c> when it is named there, else weight 1.
/// </summary>
internal static class NodeChaos
{
    /// <summary>Registers the node's faults and turns chaos on at start when <paramref name="enabledAtStart"/> is set (the --chaos flag).</summary>
    /// <param name="chaos">The options read from <c>actors.chaos</c>.</param>
    /// <param name="enabledAtStart">Whether chaos starts with the node; otherwise <c>actors.chaos.enabled-at-start</c> decides.</param>
    public static void Configure(ChaosOptions chaos, bool enabledAtStart)
    {
        chaos.EnabledAtStart |= enabledAtStart;
        chaos.AddFault(new UpstreamFault("upstream-refuse", "the session upstream refuses connections (503 on the upgrade); sessions reconnect with backoff", new FaultSettings { Refuse = true }));
        chaos.AddFault(new UpstreamFault("upstream-drop", "the session upstream accepts, then drops connections after 500 ms; sessions reconnect and resend what was not acknowledged", new FaultSettings { DropAfterMs = 500 }));
        chaos.AddFault(new UpstreamFault("upstream-malformed", "the session upstream sends a malformed frame on connect; the session fails that connection and reconnects", new FaultSettings { Malformed = true }));
        chaos.AddFault(new ExchangeFault("exchange-stall", "stall", 1, "every exchange stream goes silent; the feeds see them stale and resubscribe"));
        chaos.AddFault(new ExchangeFault("exchange-garbage", "garbage", 3, "the next 3 exchange frames are garbage; the feeds skip and count them"));
        chaos.AddFault(new PredictionFault("prediction-bad-input", oversized: false));
        chaos.AddFault(new PredictionFault("prediction-oversized-input", oversized: true));
        chaos.AddFault(new HeatmapBudgetFault());
    }
}
