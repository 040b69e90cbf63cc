namespace Actors.Feeds.Signals;

/// <summary>What the indicator says after a tick.</summary>
public enum SignalSide
{
    /// <summary>No cross: nothing to do.</summary>
    Hold,

    /// <summary>The fast average crossed above the slow one.</summary>
    Buy,

    /// <summary>The fast average crossed below the slow one.</summary>
    Sell,
}
