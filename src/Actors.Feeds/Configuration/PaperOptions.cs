namespace Actors.Feeds.Configuration;

/// <summary>Paper trading (<c>actors.feeds.paper</c>): what would be executed, never a real order.</summary>
public sealed class PaperOptions
{
    /// <summary>The quantity of each paper order.</summary>
    /// <value>Defaults to 1.</value>
    public decimal Quantity { get; set; } = 1m;

    /// <summary>How far from 0.5, in the signal's direction, the bias must be for the order to execute.</summary>
    /// <value>Defaults to 0 (any bias strictly on the signal's side; the neutral 0.5 never executes).</value>
    public double MinConviction { get; set; }

    /// <summary>Failures of the executor that open its breaker.</summary>
    /// <value>Defaults to 5.</value>
    public int BreakerMaxFailures { get; set; } = 5;

    /// <summary>The executor breaker's call timeout.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan BreakerCallTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the executor's breaker stays open.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan BreakerResetTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Fills kept per symbol.</summary>
    /// <value>Defaults to 100.</value>
    public int History { get; set; } = 100;
}
