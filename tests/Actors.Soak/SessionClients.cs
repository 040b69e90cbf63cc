using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Actors.Soak;

/// <summary>
/// Session clients over the service's HTTP routes: <see cref="SoakOptions.Senders"/> senders, each posting one message
/// every <see cref="SoakOptions.SendInterval"/> to <c>POST /send</c> round-robin over the instances, each under a key
/// of its own; the keys that got their 202 are the ones the node owes the upstream.
/// </summary>
internal sealed class SessionClients
{
    private readonly SoakOptions _options;
    private long _next;

    public SessionClients(SoakOptions options, KillWindow window)
    {
        _options = options;
        Outcomes = new Outcomes(window);
    }

    public Outcomes Outcomes { get; }

    /// <summary>The keys the node answered 202 for, by instance.</summary>
    public ConcurrentDictionary<string, string> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>Every key sent, by instance: a key the upstream has that is here but not in <see cref="Accepted"/> was in flight at the kill.</summary>
    public ConcurrentDictionary<string, string> Sent { get; } = new(StringComparer.Ordinal);

    public static string Instance(int i) => string.Create(CultureInfo.InvariantCulture, $"soak-{i:D2}");

    public Task RunAsync(HttpClient http, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, _options.Senders).Select(_ => SenderAsync(http, stop)));

    private async Task SenderAsync(HttpClient http, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.SendInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                long n = Interlocked.Increment(ref _next);
                string instance = Instance((int)(n % _options.SessionInstances));
                string key = string.Create(CultureInfo.InvariantCulture, $"soak-{n:D8}");
                Sent[key] = instance;
                using HttpResponseMessage? response = await Outcomes.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, $"/send?instance_id={instance}")
                {
                    Content = JsonContent.Create(new { to = "+4915100000", text = $"soak {n}", key }),
                }).ConfigureAwait(false);
                if (response?.StatusCode == HttpStatusCode.Accepted)
                {
                    Accepted[key] = instance;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
