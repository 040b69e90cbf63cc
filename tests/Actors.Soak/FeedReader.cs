using System.Text.Json;

namespace Actors.Soak;

/// <summary>Reads <c>GET /feeds</c> every second, as a trading client would, and keeps the last states seen.</summary>
internal sealed class FeedReader
{
    public FeedReader(KillWindow window) => Outcomes = new Outcomes(window);

    public Outcomes Outcomes { get; }

    /// <summary>How many feeds the last answer listed, and how many of them were streaming.</summary>
    public (int Feeds, int Streaming) Last { get; private set; }

    public async Task RunAsync(HttpClient http, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await ReadAsync(http).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>One read; updates <see cref="Last"/> when answered.</summary>
    public async Task ReadAsync(HttpClient http)
    {
        using HttpResponseMessage? response = await Outcomes.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, "/feeds")).ConfigureAwait(false);
        if (response is { IsSuccessStatusCode: true })
        {
            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            JsonElement feeds = json.RootElement.GetProperty("feeds");
            Last = (feeds.GetArrayLength(), feeds.EnumerateArray().Count(f => f.GetProperty("state").GetString() == "streaming"));
        }
    }
}
