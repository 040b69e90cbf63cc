using Actors.Samples.Upstream;
using Actors.Sessions.Configuration;

namespace Actors.Samples.Node;

/// <summary>
/// The node's session upstream: the one <c>actors.sessions.upstream</c> (ACTORS__SESSIONS__UPSTREAM) names, or else
/// the sample upstream started here on a free loopback port.
/// </summary>
internal static class LocalUpstream
{
    /// <summary>The upstream this process started, if it started one.</summary>
    public static UpstreamServer? Server { get; private set; }

    /// <summary>Points <paramref name="options"/> at the local upstream unless the configuration names one.</summary>
    public static void Use(SessionOptions options)
    {
        if (options.Upstream is null)
        {
            // Called inside the AddAkka callback, before any actor system or synchronization context exists.
            Server = UpstreamServer.StartAsync().GetAwaiter().GetResult();
            options.Upstream = Server.WebSocketUrl;
        }
    }
}
