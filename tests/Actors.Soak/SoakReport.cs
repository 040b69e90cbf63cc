using System.Globalization;
using System.Text;

namespace Actors.Soak;

/// <summary>What a soak measured; <see cref="Passed"/> says whether every must held.</summary>
internal sealed record SoakReport
{
    public required TimeSpan Duration { get; init; }

    public required double ChaosRate { get; init; }

    public required long FaultsInjected { get; init; }

    public required string FaultsByKind { get; init; }

    public required bool AliveAtEnd { get; init; }

    public required bool DiedOnItsOwn { get; init; }

    public required double KillAtSeconds { get; init; }

    public required double RestartSeconds { get; init; }

    public required Outcomes Sessions { get; init; }

    public required long MessagesAccepted { get; init; }

    public required long MessagesDelivered { get; init; }

    public required long MessagesLost { get; init; }

    public required long DeliveredWithout202 { get; init; }

    public required long DuplicatesDiscarded { get; init; }

    public required long DuplicatesAfterDedup { get; init; }

    public required double DeliverySeconds { get; init; }

    public required Outcomes Jobs { get; init; }

    public required Outcomes Feeds { get; init; }

    public required Outcomes Health { get; init; }

    public required double? HealthySeconds { get; init; }

    public required TimeSpan HealthyBound { get; init; }

    public required string LastHealth { get; init; }

    public required (double P50, double P99, double Max, int Count) HealthLatency { get; init; }

    public required double BaselineRssMiB { get; init; }

    public required double LastRssMiB { get; init; }

    public required string RssWindows { get; init; }

    public required int? NodeExitCode { get; init; }

    /// <summary>The musts: alive, nothing lost or duplicated, every request answered while the node was up, healthy again in bound.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            Must(failures, AliveAtEnd && !DiedOnItsOwn, "the node died on its own");
            Must(failures, MessagesLost == 0, $"{MessagesLost} accepted messages never reached the upstream");
            Must(failures, DuplicatesAfterDedup == 0, $"{DuplicatesAfterDedup} duplicates after dedup");
            foreach ((string name, Outcomes o) in new[] { ("sessions", Sessions), ("jobs", Jobs), ("feeds", Feeds), ("health", Health) })
            {
                Must(failures, o.Unanswered == 0 && o.Untyped == 0, $"{name}: {o.Unanswered} unanswered while the node was up, {o.Untyped} untyped answers");
                Must(failures, o.Balanced, $"{name}: outcomes do not add up ({o})");
            }

            Must(failures, HealthySeconds is not null, $"health not healthy (with every feed streaming) within {HealthyBound.TotalSeconds:0} s after chaos stopped; last: {LastHealth}");
            Must(failures, FaultsInjected > 0, "chaos injected no fault");
            return failures;
        }
    }

    public bool Passed => Failures.Count == 0;

    public override string ToString()
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"soak: {Duration.TotalMinutes:0.#} min of chaos at {ChaosRate:0.##} faults/s: {FaultsInjected} injected ({FaultsByKind})");
        s.AppendLine(c, $"  node: SIGKILL at {KillAtSeconds:0} s, answering again {RestartSeconds:0.0} s later; alive at the end: {(AliveAtEnd ? "yes" : "NO")}; died on its own: {(DiedOnItsOwn ? "YES" : "no")}; exit code after SIGTERM {NodeExitCode?.ToString(c) ?? "none (killed after 30 s)"}");
        s.AppendLine(c, $"  messages: accepted {MessagesAccepted}, delivered {MessagesDelivered}, lost {MessagesLost}, duplicates after dedup {DuplicatesAfterDedup} (retransmissions the upstream discarded by key: {DuplicatesDiscarded}; delivered without a 202 seen, in flight at the kill: {DeliveredWithout202}); all delivered {DeliverySeconds:0.0} s after the clients stopped");
        s.AppendLine(c, $"  POST /send:    {Sessions}");
        s.AppendLine(c, $"  POST /predict: {Jobs}");
        s.AppendLine(c, $"  GET /feeds:    {Feeds}");
        s.AppendLine(c, $"  GET /health:   {Health}; during chaos p50 {HealthLatency.P50:0.0} ms, p99 {HealthLatency.P99:0.0} ms, max {HealthLatency.Max:0.0} ms over {HealthLatency.Count}");
        s.AppendLine(c, $"  healthy again: {(HealthySeconds is { } h ? $"{h:0.0} s after chaos stopped" : "NO")} (bound {HealthyBound.TotalSeconds:0} s)");
        s.AppendLine(c, $"  working set: {BaselineRssMiB:0.0} MiB in the second fifteenth of the run, {LastRssMiB:0.0} MiB in the last (drift {LastRssMiB - BaselineRssMiB:+0.0;-0.0} MiB, {(LastRssMiB / BaselineRssMiB) - 1:+0.0%;-0.0%}); {RssWindows}");
        s.Append(Passed ? "soak: PASSED" : "soak: FAILED: " + string.Join("; ", Failures));
        return s.ToString();
    }

    private static void Must(List<string> failures, bool ok, string failure)
    {
        if (!ok)
        {
            failures.Add(failure);
        }
    }
}
