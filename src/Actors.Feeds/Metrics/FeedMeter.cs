using System.Diagnostics.Metrics;
using Actors.Resilience.Metrics;

namespace Actors.Feeds.Metrics;

/// <summary>
/// The <see cref="Meter"/> of the exchange feeds, with the names of its instruments. Add it with
/// <c>AddMeter(FeedMeter.Name)</c> (the admin endpoints' <c>GET /metrics</c> exports it). Measurements carry
/// <see cref="ResilienceMeter.SystemTag"/>; never the symbol (a feed's instance id).
/// </summary>
public static class FeedMeter
{
    /// <summary>The meter's name: <c>Actors.Feeds</c>.</summary>
    public const string Name = "Actors.Feeds";

    /// <summary>Counter <c>actors.feed.ticks</c> (<c>{tick}</c>): frames handled by the feed workers, by <see cref="FrameTag"/>.</summary>
    public const string Ticks = "actors.feed.ticks";

    /// <summary>
    /// Histogram <c>actors.feed.tick.interval</c> (<c>s</c>): at each frame, the age of the feed's previous frame on
    /// the same connection (the time the feed was silent), on the actor system's clock. A feed going quiet shows as
    /// mass moving to the upper buckets before the stale detector fires.
    /// </summary>
    public const string TickInterval = "actors.feed.tick.interval";

    /// <summary>The tag naming the frame kind: <c>ticker</c> or <c>book_delta</c>.</summary>
    public const string FrameTag = "frame";

    internal static readonly Meter Meter = new(Name, typeof(FeedMeter).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> TickCounter = Meter.CreateCounter<long>(Ticks, "{tick}", "Frames handled by the feed workers, by frame kind.");

    /// <summary>Buckets in seconds from 1 ms (a busy book) to 1 min (a feed about to be declared stale).</summary>
    internal static readonly Histogram<double> IntervalHistogram = Meter.CreateHistogram(
        TickInterval,
        "s",
        "Age of a feed's previous frame when the next one arrives, on the same connection.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    /// <summary>Records one frame; <paramref name="interval"/> is null for a connection's first frame.</summary>
    internal static void Record(KeyValuePair<string, object?> system, bool ticker, TimeSpan? interval)
    {
        TickCounter.Add(1, system, new(FrameTag, ticker ? "ticker" : "book_delta"));
        if (interval is { } i)
        {
            IntervalHistogram.Record(i.TotalSeconds, system);
        }
    }
}
