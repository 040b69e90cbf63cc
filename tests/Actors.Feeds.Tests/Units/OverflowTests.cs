using Actors.Feeds.Configuration;
using Actors.Feeds.Hosting;
using Actors.Feeds.Tests.Support;
using Actors.Feeds.Units;
using Actors.Resilience;
using Actors.Resilience.Units;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Feeds.Tests.Units;

/// <summary>
/// The exchange cannot be slowed: when the stages after the connection stall (here the confirm call to an endpoint
/// that never answers), the connection's bounded buffer fills and the connection fails with an overflow, which
/// RestartSource answers with a resubscribe, instead of dropping frames silently or growing without bound.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OverflowTests(ITestOutputHelper output) : FeedsTestKit(output, virtualTime: false), IAsyncLifetime
{
    private FakeConfirmEndpoint _confirm = null!;

    public async Task InitializeAsync()
    {
        _confirm = await FakeConfirmEndpoint.StartAsync();
        _confirm.Otherwise = new FakeAnswer.Hang();
    }

    public async Task DisposeAsync() => await _confirm.DisposeAsync();

    [Fact]
    public void Feed_DownstreamStalledByConfirm_BufferOverflowsAndResubscribes()
    {
        // An endless exchange at 200 frames a second (Throttle is real time, as this test is) whose price zigzags, so
        // the indicator signals within a few frames; the hanging confirm then stalls everything behind it.
        FeedSource fast = symbol => Source.From(Enumerable.Range(1, int.MaxValue))
            .Select(i => Frames.Ticker(symbol, i, i % 8 < 4 ? 100m + (i % 8) : 108m - (i % 8)))
            .Throttle(200, TimeSpan.FromSeconds(1), 1, ThrottleMode.Shaping);
        var options = new FeedsOptions { BufferSize = 16, FastPeriod = 1, SlowPeriod = 2, MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(100), MaxRestarts = 100 };
        options.Confirm.Url = _confirm.Url;
        options.Confirm.Timeout = TimeSpan.FromMilliseconds(300);
        options.Confirm.Attempts = 1;
        using FeedsRuntime feeds = FeedsRuntime.Create(options, fast);
        ResilienceRuntime runtime = StartRuntime(feeds);
        TestProbe events = FeedEvents();
        runtime.Tell(new UnitMessage("feed", "BTCUSDT", StartFeed.Instance), TestActor);
        Next<FeedConnected>(events, c => c.Attempt == 1);

        FeedDisconnected overflow = Next<FeedDisconnected>(events);
        Assert.Equal("overflow", overflow.Cause);
        Next<FeedConnected>(events, c => c.Attempt == 2);
        Assert.True(feeds.Registry.For("BTCUSDT").Snapshot(Sys.Scheduler.Now).Disconnects.Overflow >= 1);
    }
}
