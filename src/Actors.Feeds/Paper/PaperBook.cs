using Actors.Feeds.Signals;

namespace Actors.Feeds.Paper;

/// <summary>
/// A simulated order book for one symbol: best bid and ask from the feed's deltas, the paper position and the last
/// fills. Paper trading only: nothing leaves the process. Written by the feed's worker only; read under its lock.
/// </summary>
public sealed class PaperBook
{
    private readonly Lock _gate = new();
    private readonly Queue<PaperFill> _fills = new();
    private readonly int _history;
    private decimal _bid;
    private decimal _ask;
    private decimal _position;
    private decimal _cash;
    private long _fillCount;

    /// <summary>Creates a book.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="history">Fills kept (older ones still count).</param>
    public PaperBook(string symbol, int history)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        Symbol = symbol;
        _history = history;
    }

    /// <summary>The symbol.</summary>
    public string Symbol { get; }

    /// <summary>Moves the top of the book.</summary>
    /// <param name="bid">The best bid.</param>
    /// <param name="ask">The best ask.</param>
    public void Update(decimal bid, decimal ask)
    {
        lock (_gate)
        {
            _bid = bid;
            _ask = ask;
        }
    }

    /// <summary>Executes a paper order at the top of the book.</summary>
    /// <param name="time">When.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="quantity">How much.</param>
    /// <param name="bias">The bias it was executed on.</param>
    /// <returns>The fill.</returns>
    /// <exception cref="InvalidOperationException">There is no book yet, or the side is Hold.</exception>
    public PaperFill Execute(DateTimeOffset time, SignalSide side, decimal quantity, double bias)
    {
        lock (_gate)
        {
            if (_bid <= 0 || _ask <= 0)
            {
                throw new InvalidOperationException($"paper {Symbol}: no order book yet (waiting for the first orderbook delta)");
            }

            decimal price = side switch
            {
                SignalSide.Buy => _ask,
                SignalSide.Sell => _bid,
                _ => throw new InvalidOperationException($"paper {Symbol}: a {side} signal is not an order"),
            };
            decimal signed = side == SignalSide.Buy ? quantity : -quantity;
            _position += signed;
            _cash -= signed * price;
            var fill = new PaperFill(time, side, quantity, price, bias);
            _fills.Enqueue(fill);
            if (_fills.Count > _history)
            {
                _fills.Dequeue();
            }

            _fillCount++;
            return fill;
        }
    }

    /// <summary>The position, the cash it cost, the fill count, the last fills (newest first, at most <paramref name="limit"/>) and the top of the book.</summary>
    /// <param name="limit">Fills returned.</param>
    /// <returns>The book's state.</returns>
    public PaperPosition Read(int limit)
    {
        lock (_gate)
        {
            return new PaperPosition(_position, _cash, _fillCount, _bid, _ask, _fills.Reverse().Take(limit).ToArray());
        }
    }
}
