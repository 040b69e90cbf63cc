using Actors.Cmd;
using Actors.Feeds.Configuration;
using Actors.Feeds.Units;
using Actors.Hosting;
using Actors.Resilience;
using Actors.Resilience.Units;
using Akka.Hosting;

namespace Actors.Feeds.Hosting;

/// <summary>Akka.Hosting extension that runs exchange feeds.</summary>
public static class FeedsHostingExtensions
{
    /// <summary>
    /// Runs a <c>feed</c> unit instance per symbol of <c>actors.feeds.symbols</c> (read now, changed by
    /// <paramref name="configure"/>), adds <c>GET /feeds</c> and <c>GET /feeds/{symbol}</c> to the admin endpoints
    /// and the <c>feeds</c> palette to <c>pbm</c> (each served only when <c>WithAdminEndpoints</c> / <c>WithCmd</c>
    /// are added too), and starts the resilience layer if it was not added yet.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Changes the options after they are read (e.g. the exchange's URL).</param>
    /// <param name="source">How connections are made; the exchange's WebSocket when null.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="HoconException">A value of <c>actors.feeds</c> is of the wrong type or out of range; the message names file:line:column and the path.</exception>
    public static AkkaConfigurationBuilder WithFeeds(this AkkaConfigurationBuilder builder, Action<FeedsOptions>? configure = null, FeedSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        FeedsOptions? options = null;
        builder.WithResilience((_, config) =>
        {
            options = FeedsConfigReader.Read(config);
            configure?.Invoke(options);
        });
        FeedsRuntime feeds = FeedsRuntime.Create(options!, source);
        builder.WithUnitKind(FeedsRuntime.Kind, feeds.WorkerProps, kind => feeds.UnitKind(kind));
        builder.WithAdminRoutes(FeedRoutes.Create());
        builder.WithCmdPalette(FeedsPalette.Create);
        builder.AddStartup((system, _) =>
        {
            feeds.Attach(system);
            ResilienceRuntime runtime = ResilienceRuntime.Get(system)!;
            foreach (string symbol in feeds.Options.Symbols)
            {
                feeds.Registry.For(symbol);
                runtime.Tell(new UnitMessage(FeedsRuntime.Kind, symbol, StartFeed.Instance));
            }
        });
        return builder;
    }
}
