using System.Collections.Concurrent;
using Actors.Feeds.Paper;

namespace Actors.Feeds.State;

/// <summary>The counters of every feed of a system, by symbol; they outlive the workers. Thread-safe.</summary>
public sealed class FeedRegistry
{
    private readonly ConcurrentDictionary<string, FeedStats> _feeds = new(StringComparer.Ordinal);
    private readonly int _history;

    /// <summary>Creates a registry.</summary>
    /// <param name="paperHistory">Fills kept per paper book.</param>
    public FeedRegistry(int paperHistory = 100)
    {
        _history = paperHistory;
    }

    /// <summary>How many feeds it knows.</summary>
    public int Count => _feeds.Count;

    /// <summary>The counters of a symbol, created on first use.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>Its counters.</returns>
    public FeedStats For(string symbol) => _feeds.GetOrAdd(symbol, s => new FeedStats(s, new PaperBook(s, _history)));

    /// <summary>The counters of a symbol, if it has a feed.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="stats">Its counters.</param>
    /// <returns>Whether it has one.</returns>
    public bool TryGet(string symbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FeedStats? stats) => _feeds.TryGetValue(symbol, out stats);

    /// <summary>Every feed, by symbol.</summary>
    /// <returns>The feeds, ordered by symbol.</returns>
    public IReadOnlyList<FeedStats> All() => _feeds.Values.OrderBy(f => f.Symbol, StringComparer.Ordinal).ToArray();
}
