using Actors.Feeds.Protocol;

namespace Actors.Feeds.Signals;

/// <summary>A frame with the indicator's verdict after it.</summary>
/// <param name="Frame">The frame.</param>
/// <param name="Side">The signal (<see cref="SignalSide.Hold"/> unless the averages crossed on this tick).</param>
/// <param name="Fast">The fast average.</param>
/// <param name="Slow">The slow average.</param>
public readonly record struct FeedSignal(FeedFrame Frame, SignalSide Side, double Fast, double Slow);
