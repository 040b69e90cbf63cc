using Actors.Feeds.Protocol;

namespace Actors.Feeds.Signals;

/// <summary>
/// Two exponential moving averages over ticker prices; a cross of the fast over the slow one is a buy, under it a
/// sell. No signal until the slow average has seen its period. Not thread-safe: one per stream materialization.
/// </summary>
public sealed class CrossoverIndicator
{
    private readonly double _fastAlpha;
    private readonly double _slowAlpha;
    private readonly int _warmUp;
    private double _fast;
    private double _slow;
    private int _seen;
    private int _lastSign;

    /// <summary>Creates the indicator.</summary>
    /// <param name="fastPeriod">Periods of the fast average.</param>
    /// <param name="slowPeriod">Periods of the slow average (greater than the fast one).</param>
    public CrossoverIndicator(int fastPeriod, int slowPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowPeriod, fastPeriod);
        _fastAlpha = 2.0 / (fastPeriod + 1);
        _slowAlpha = 2.0 / (slowPeriod + 1);
        _warmUp = slowPeriod;
    }

    /// <summary>Feeds one frame; tickers move the averages, other frames pass with <see cref="SignalSide.Hold"/>.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The frame with the verdict.</returns>
    public FeedSignal Next(in FeedFrame frame)
    {
        if (frame.Kind != FeedFrameKind.Ticker)
        {
            return new FeedSignal(frame, SignalSide.Hold, _fast, _slow);
        }

        double price = (double)frame.Price;
        if (_seen++ == 0)
        {
            _fast = price;
            _slow = price;
        }
        else
        {
            _fast += _fastAlpha * (price - _fast);
            _slow += _slowAlpha * (price - _slow);
        }

        int sign = _fast > _slow ? 1 : _fast < _slow ? -1 : 0;
        SignalSide side = SignalSide.Hold;
        if (_seen > _warmUp && sign != 0 && sign != _lastSign && _lastSign != 0)
        {
            side = sign > 0 ? SignalSide.Buy : SignalSide.Sell;
        }

        if (sign != 0)
        {
            _lastSign = sign;
        }

        return new FeedSignal(frame, side, _fast, _slow);
    }
}
