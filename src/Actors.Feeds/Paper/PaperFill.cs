using Actors.Feeds.Signals;

namespace Actors.Feeds.Paper;

/// <summary>What would have been executed.</summary>
/// <param name="Time">When (the actor system's clock).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">The quantity.</param>
/// <param name="Price">The simulated fill price (the best ask for a buy, the best bid for a sell).</param>
/// <param name="Bias">The bias the order was executed on.</param>
public sealed record PaperFill(DateTimeOffset Time, SignalSide Side, decimal Quantity, decimal Price, double Bias);
