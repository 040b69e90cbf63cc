using Actors.Feeds.Configuration;
using Actors.Feeds.Hosting;
using Actors.Feeds.Units;
using Actors.Resilience;
using Actors.Resilience.Health;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Feeds.Tests.Support;

/// <summary>
/// Akka's xunit TestKit, on virtual time (Akka.TestKit's TestScheduler) or real time, with helpers to run a feeds
/// runtime on the resilience layer and to wait for the feeds' events. Nothing sleeps: waits are on events.
/// </summary>
public abstract class FeedsTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>How long an explicit signal may take (real time): generous, the machine is shared.</summary>
    protected static readonly TimeSpan Signal = TimeSpan.FromSeconds(15);

    protected FeedsTestKit(ITestOutputHelper output, bool virtualTime, string? systemName = null)
        : base(Akka.Configuration.ConfigurationFactory.ParseString($$"""
            {{(virtualTime ? "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"" : string.Empty)}}
            akka.loglevel = WARNING
            akka.log-dead-letters = off
            akka.test.single-expect-default = 15s
            """), systemName, output)
    {
    }

    protected TestScheduler VirtualScheduler => (TestScheduler)Sys.Scheduler;

    /// <summary>Starts the resilience layer with the feed kind of <paramref name="feeds"/> (fake resource probes).</summary>
    protected ResilienceRuntime StartRuntime(FeedsRuntime feeds)
    {
        var options = new ResilienceOptions();
        options.Health.Probe = new QuietResourceProbe();
        options.Kinds.Add(feeds.UnitKind());
        feeds.Attach(Sys);
        return ResilienceRuntime.Start(Sys, options);
    }

    /// <summary>A probe that receives every feed event.</summary>
    protected TestProbe FeedEvents()
    {
        TestProbe probe = CreateTestProbe();
        foreach (Type t in new[] { typeof(FeedConnected), typeof(FeedDisconnected), typeof(FeedStaleDetected), typeof(FeedGaveUp) })
        {
            Sys.EventStream.Subscribe(probe.Ref, t);
        }

        return probe;
    }

    /// <summary>The next <typeparamref name="T"/> matching <paramref name="match"/>, skipping other events.</summary>
    protected static T Next<T>(TestProbe probe, Func<T, bool>? match = null)
        where T : class
    {
        object found = probe.FishForMessage(m => m is T t && (match is null || match(t)), Signal, $"waiting for {typeof(T).Name}");
        return (T)found;
    }

    /// <summary>Options suited to tests: quick backoff, quick stale detection.</summary>
    protected static FeedsOptions QuickOptions(Uri url)
    {
        var o = new FeedsOptions
        {
            Url = url,
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
            RandomFactor = 0.1,
            MaxRestarts = 100,
            RestartWindow = TimeSpan.FromMinutes(5),
            StaleAfter = TimeSpan.FromSeconds(2),
            StaleCheckInterval = TimeSpan.FromMilliseconds(100),
            PingInterval = TimeSpan.FromMilliseconds(100),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        return o;
    }

    private sealed class QuietResourceProbe : IResourceProbe
    {
        public ResourceSample Sample() => ResourceSample.Unknown;
    }
}
