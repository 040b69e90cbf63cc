namespace Actors.Samples.Exchange;

/// <summary>How the sample exchange runs: where it listens, what it publishes and how fast.</summary>
public sealed class ExchangeOptions
{
    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The symbols it publishes.</summary>
    public IReadOnlyList<string> Symbols { get; set; } = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];

    /// <summary>The pause between two frames of one subscription (ticker and order-book delta alternate).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A send that does not finish within this time marks a slow consumer, whose connection is dropped.</summary>
    public TimeSpan SlowConsumerTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most connections served at once; more are refused with 503.</summary>
    public int MaxConnections { get; set; } = 256;
}
