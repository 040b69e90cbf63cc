using System.Runtime.CompilerServices;
using Actors.Feeds.Configuration;
using Actors.Feeds.Confirm;
using Actors.Feeds.State;
using Actors.Feeds.Streams;
using Actors.Feeds.Units;
using Actors.Resilience.Units;

namespace Actors.Feeds.Hosting;

/// <summary>
/// The feeds of one actor system: their options, their counters (which outlive the workers), the confirm client,
/// and the <c>feed</c> unit kind that runs one worker per symbol. <see cref="Create"/> builds it;
/// <c>WithFeeds</c> does so in an Akka.Hosting app.
/// </summary>
public sealed class FeedsRuntime : IDisposable
{
    /// <summary>The unit kind's name.</summary>
    public const string Kind = "feed";

    private static readonly ConditionalWeakTable<ActorSystem, FeedsRuntime> s_systems = new();
    private readonly HttpClient _http;

    private FeedsRuntime(FeedsOptions options, FeedSource source, HttpClient http)
    {
        Options = options;
        Source = source;
        _http = http;
        Registry = new FeedRegistry(options.Paper.History);
        Confirm = new ConfirmClient(http, options.Confirm);
    }

    /// <summary>The options.</summary>
    public FeedsOptions Options { get; }

    /// <summary>The counters of every feed.</summary>
    public FeedRegistry Registry { get; }

    /// <summary>The confirm client.</summary>
    public ConfirmClient Confirm { get; }

    /// <summary>How connections are made.</summary>
    public FeedSource Source { get; }

    /// <summary>Builds the runtime (validating the options).</summary>
    /// <param name="options">The options.</param>
    /// <param name="source">How connections are made; the exchange's WebSocket at <see cref="FeedsOptions.Url"/> when null.</param>
    /// <returns>The runtime.</returns>
    public static FeedsRuntime Create(FeedsOptions options, FeedSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        source ??= symbol => WebSocketFeedConnection.Create(options.Url, symbol, options.ConnectTimeout, options.PingInterval);
        return new FeedsRuntime(options, source, new HttpClient { Timeout = options.Confirm.Timeout * 2 + TimeSpan.FromSeconds(1) });
    }

    /// <summary>The runtime attached to <paramref name="system"/>, if any.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The runtime or <see langword="null"/>.</returns>
    public static FeedsRuntime? Get(ActorSystem system) => s_systems.TryGetValue(system, out FeedsRuntime? runtime) ? runtime : null;

    /// <summary>Attaches this runtime to a system (so the endpoints and palettes find it) and disposes it when the system terminates.</summary>
    /// <param name="system">The actor system.</param>
    public void Attach(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        s_systems.AddOrUpdate(system, this);
        system.WhenTerminated.ContinueWith(_ => Dispose(), TaskScheduler.Default);
    }

    /// <summary>The <c>feed</c> unit kind: one worker per symbol, ready once it streams, breaker opened after <see cref="FeedsOptions.OpenBreakerAfter"/> give-ups.</summary>
    /// <param name="kind">The kind's options as read from <c>actors.units.feed</c>, changed here; new ones when null.</param>
    /// <returns>The kind's options.</returns>
    public UnitKindOptions UnitKind(UnitKindOptions? kind = null)
    {
        kind ??= new UnitKindOptions(Kind, WorkerProps);
        kind.ReadyOnStart = false;
        kind.Breaker = kind.Breaker with { MaxFailures = Options.OpenBreakerAfter };
        return kind;
    }

    /// <summary>The props of the worker of <paramref name="symbol"/>.</summary>
    /// <param name="symbol">The symbol (the instance id).</param>
    /// <returns>The props.</returns>
    public Props WorkerProps(string symbol) => FeedWorker.Props(symbol, Options, Registry.For(symbol), Source, Confirm);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
