using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Actors.Samples.Node;

/// <summary>
/// A short session workload during the node's run, over the service's own HTTP routes: 20 instances, 25 messages
/// each through <c>POST /send</c>, then waits until every outbox reports them delivered and compares with what the
/// local upstream received. Prints one line of figures; true when nothing was lost.
/// </summary>
internal static class SessionsDemo
{
    private const int Instances = 20;
    private const int PerInstance = 25;

    public static async Task<bool> RunAsync(Uri admin, string token, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = admin, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The outboxes live in ./data across runs: count what this run delivers (the totals' growth), under keys of
        // this run only (a key seen before is a duplicate by design).
        long before = await DeliveredTotal(http, cancellationToken).ConfigureAwait(false);
        string run = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        int accepted = 0;
        for (int i = 0; i < Instances * PerInstance; i++)
        {
            string id = string.Create(CultureInfo.InvariantCulture, $"demo-{i % Instances:D2}");
            using HttpResponseMessage r = await http.PostAsJsonAsync($"/send?instance_id={id}", new { to = "+4915100000", text = $"hello {i}", key = $"demo-{run}-{i:D5}" }, cancellationToken).ConfigureAwait(false);
            accepted += r.StatusCode == HttpStatusCode.Accepted ? 1 : 0;
        }

        double acceptSeconds = clock.Elapsed.TotalSeconds;
        long delivered = 0;
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (clock.Elapsed < TimeSpan.FromSeconds(15) && await poll.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            delivered = await DeliveredTotal(http, cancellationToken).ConfigureAwait(false) - before;
            if (delivered >= accepted)
            {
                break;
            }
        }

        long distinct = LocalUpstream.Server?.State.Instances.Where(i => i.InstanceId.StartsWith("demo-", StringComparison.Ordinal)).Sum(i => (long)i.DistinctKeys) ?? -1;
        long duplicates = LocalUpstream.Server?.State.Instances.Where(i => i.InstanceId.StartsWith("demo-", StringComparison.Ordinal)).Sum(i => i.Duplicates) ?? -1;
        bool ok = accepted == Instances * PerInstance && delivered == accepted && (distinct < 0 || distinct == accepted);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"sessions: POST /send accepted {accepted} of {Instances * PerInstance} for {Instances} instances in {acceptSeconds:0.00} s ({accepted / acceptSeconds:0} msg/s, each persisted before its 202); delivered {delivered}; upstream distinct keys {distinct}, duplicates discarded {duplicates}; lost {accepted - delivered}: {(ok ? "ok" : "NOT OK")}"));
        return ok;
    }

    /// <summary>Messages delivered by the demo's outboxes since they were first created (404 for one never used: 0).</summary>
    private static async Task<long> DeliveredTotal(HttpClient http, CancellationToken cancellationToken)
    {
        long total = 0;
        for (int n = 0; n < Instances; n++)
        {
            using HttpResponseMessage r = await http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/queue-status/demo-{n:D2}"), cancellationToken).ConfigureAwait(false);
            if (r.IsSuccessStatusCode)
            {
                JsonElement q = await r.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
                total += q.GetProperty("delivered_total").GetInt64();
            }
        }

        return total;
    }
}
