using Actors.Feeds.Hosting;
using Actors.Sessions;

namespace Actors.Samples.Node.Chaos;

/// <summary>
/// Where the node's fault-control endpoints are: the session upstream's and the exchange's HTTP control endpoints share
/// the host and port of their WebSocket address (<c>ws://h:p/</c> → <c>http://h:p/control/...</c>), whether the node
/// started them in-process or they run apart (ACTORS__SESSIONS__UPSTREAM, actors.feeds.url). Read at each injection,
/// from the running gateway and feeds, so they are the addresses actually in use.
/// </summary>
internal static class ControlEndpoints
{
    /// <summary>One client for every control call: short timeouts, so a dead endpoint fails an injection, not the node.</summary>
    public static HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The upstream's HTTP base, or <see langword="null"/> when the session gateway is not running.</summary>
    public static Uri? Upstream(ActorSystem system) => SessionGateway.Get(system)?.Options.Upstream is { } ws ? HttpBase(ws) : null;

    /// <summary>The exchange's HTTP base, or <see langword="null"/> when the feeds are not running.</summary>
    public static Uri? Exchange(ActorSystem system) => FeedsRuntime.Get(system)?.Options.Url is { } ws ? HttpBase(ws) : null;

    private static Uri HttpBase(Uri ws) => new UriBuilder(ws) { Scheme = ws.Scheme == "wss" ? "https" : "http", Path = "/", Query = string.Empty }.Uri;

    /// <summary>Throws with the endpoint's own problem text when the call failed.</summary>
    public static async Task EnsureOkAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {body}");
        }
    }
}
