using Actors.Feeds.Hosting;
using Actors.Feeds.State;
using Actors.Feeds.Units;
using Actors.Resilience;
using Actors.Resilience.Units;

namespace Actors.Feeds.Operations;

/// <summary>The feed operations behind both <c>GET /feeds</c> and <c>pbm feeds</c>: one implementation each.</summary>
public sealed class FeedOperations
{
    private readonly ActorSystem _system;
    private readonly FeedsRuntime _feeds;

    /// <summary>Creates the operations.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="feeds">Its feeds.</param>
    public FeedOperations(ActorSystem system, FeedsRuntime feeds)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(feeds);
        _system = system;
        _feeds = feeds;
    }

    /// <summary>A page of feeds, ordered by symbol.</summary>
    /// <param name="offset">Skipped.</param>
    /// <param name="limit">The most returned.</param>
    /// <returns>The page with the total.</returns>
    public FeedList List(int offset, int limit)
    {
        IReadOnlyList<FeedStats> all = _feeds.Registry.All();
        DateTimeOffset now = _system.Scheduler.Now;
        return new FeedList(all.Count, offset, limit, all.Skip(offset).Take(limit).Select(f => f.Snapshot(now)).ToArray());
    }

    /// <summary>One feed.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>Its snapshot, or <see langword="null"/> when it has no feed.</returns>
    public FeedSnapshot? Get(string symbol) => _feeds.Registry.TryGet(symbol, out FeedStats? stats) ? stats.Snapshot(_system.Scheduler.Now) : null;

    /// <summary>The unit instance's state as health sees it (running, backing-off, circuit-open...), if known.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The state, or <see langword="null"/>.</returns>
    public string? UnitState(string symbol) =>
        ResilienceRuntime.Get(_system)?.HealthSource.Current.Instances
            .FirstOrDefault(i => i.Kind == FeedsRuntime.Kind && i.Id == symbol)?.State.ToString();

    /// <summary>Aborts the feed's connection so it resubscribes after its backoff.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="timeout">How long to wait for the worker.</param>
    /// <returns>The worker's answer, or the unit's typed refusal (<see cref="CircuitOpen"/>...); <see langword="null"/> for an unknown symbol.</returns>
    public async Task<object?> Restart(string symbol, TimeSpan timeout)
    {
        if (!_feeds.Registry.TryGet(symbol, out _))
        {
            return null;
        }

        ResilienceRuntime runtime = ResilienceRuntime.Get(_system) ?? throw new InvalidOperationException("the resilience runtime is not running: add WithFeeds (or WithResilience) to the AddAkka call");
        return await runtime.Units.Ask<object>(new UnitMessage(FeedsRuntime.Kind, symbol, RestartFeed.Instance), timeout).ConfigureAwait(false);
    }
}
