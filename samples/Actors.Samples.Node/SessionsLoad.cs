using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Actors.Samples.Node;

/// <summary>
/// The node's session load, over the service's own HTTP routes: one message every <see cref="Interval"/> through
/// <c>POST /send</c>, round-robin over 20 instances, each under a key of this run. At the end it waits until the
/// outboxes report every accepted message delivered and compares with what the local upstream received: accepted =
/// delivered + lost, and each key once at the upstream.
/// </summary>
internal sealed class SessionsLoad : IDisposable
{
    private const int Instances = 20;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly HttpClient _http;
    private readonly string _run = "node-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-";
    private long _sent;
    private long _accepted;
    private long _refused;
    private long _unanswered;
    private long _deliveredBefore = -1;

    public SessionsLoad(Uri admin, string token)
    {
        _http = new HttpClient { BaseAddress = admin, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Sends until <paramref name="stop"/> is cancelled; never throws for a refused or failed request.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        _deliveredBefore = await DeliveredTotalAsync(CancellationToken.None).ConfigureAwait(false);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                long n = Interlocked.Increment(ref _sent) - 1;
                string id = string.Create(CultureInfo.InvariantCulture, $"demo-{n % Instances:D2}");
                try
                {
                    using HttpResponseMessage r = await _http.PostAsJsonAsync($"/send?instance_id={id}", new { to = "+4915100000", text = $"hello {n}", key = string.Create(CultureInfo.InvariantCulture, $"{_run}{n:D7}") }, CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Increment(ref r.StatusCode == HttpStatusCode.Accepted ? ref _accepted : ref _refused);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _unanswered);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref _unanswered);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// After the load stopped: waits up to <paramref name="bound"/> until the outboxes report every accepted message
    /// delivered (printing progress every 5 s), then returns the summary line and whether nothing was lost.
    /// </summary>
    public async Task<(bool Ok, string Report)> SettleAsync(TimeSpan bound)
    {
        try
        {
            return await SettleOrThrowAsync(bound).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (false, $"sessions: the node's endpoints stopped answering while the outboxes settled ({e.Message}): NOT OK");
        }
    }

    private async Task<(bool Ok, string Report)> SettleOrThrowAsync(TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        long delivered = 0;
        var lastProgress = TimeSpan.Zero;
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            delivered = await DeliveredTotalAsync(CancellationToken.None).ConfigureAwait(false) - Math.Max(0, _deliveredBefore);
            if (delivered >= Accepted)
            {
                break;
            }

            if (clock.Elapsed - lastProgress >= TimeSpan.FromSeconds(5))
            {
                lastProgress = clock.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sessions: waiting for the outboxes: {delivered} of {Accepted} delivered after {clock.Elapsed.TotalSeconds:0} s (at most {bound.TotalSeconds:0} s)"));
            }
        }
        while (clock.Elapsed < bound && await poll.WaitForNextTickAsync().ConfigureAwait(false));

        IEnumerable<Samples.Upstream.InstanceRecord> ours = LocalUpstream.Server?.State.Instances.Where(i => i.InstanceId.StartsWith("demo-", StringComparison.Ordinal)) ?? [];
        long distinct = LocalUpstream.Server is null ? -1 : ours.Sum(i => (long)i.Keys.Count(k => k.StartsWith(_run, StringComparison.Ordinal)));
        long duplicates = LocalUpstream.Server is null ? -1 : ours.Sum(i => i.Duplicates);
        long lost = Accepted - delivered;
        bool ok = lost <= 0 && Interlocked.Read(ref _unanswered) == 0 && (distinct < 0 || distinct == Accepted);
        string report = string.Create(
            CultureInfo.InvariantCulture,
            $"sessions: POST /send sent {Sent} = accepted {Accepted} (each persisted before its 202) + refused with a problem {Interlocked.Read(ref _refused)} + unanswered {Interlocked.Read(ref _unanswered)}; delivered {delivered}, lost {Math.Max(0, lost)}; upstream: this run's distinct keys {(distinct < 0 ? "n/a (external upstream)" : distinct.ToString(CultureInfo.InvariantCulture))}, duplicates discarded {(duplicates < 0 ? "n/a" : duplicates.ToString(CultureInfo.InvariantCulture))}: {(ok ? "ok" : "NOT OK")}");
        return (ok, report);
    }

    /// <summary>Messages delivered by the load's outboxes since they were first created (404 for one never used: 0).</summary>
    private async Task<long> DeliveredTotalAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        for (int n = 0; n < Instances; n++)
        {
            using HttpResponseMessage r = await _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/queue-status/demo-{n:D2}"), cancellationToken).ConfigureAwait(false);
            if (r.IsSuccessStatusCode)
            {
                JsonElement q = await r.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
                total += q.GetProperty("delivered_total").GetInt64();
            }
        }

        return total;
    }
}
