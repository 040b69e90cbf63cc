using Actors.Hocon;
using Actors.Resilience.Breaker;
using Actors.Resilience.Configuration;
using Actors.Resilience.Errors;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Actors.Resilience.Units;

namespace Actors.Resilience.Tests.Configuration;

public sealed class ResilienceConfigTests
{
    private static readonly Func<string, Props> s_worker = _ => throw new InvalidOperationException("never started here");

    private static Config Parse(string hocon) => ConfigurationFactory.ParseString(hocon, "test.conf");

    [Fact]
    public void FromConfig_Empty_EqualsTheCodeDefaults()
    {
        ResilienceOptions read = ResilienceOptions.FromConfig(ConfigurationFactory.Empty);
        var code = new ResilienceOptions();

        Assert.Equal(code.OperationTimeout, read.OperationTimeout);
        AssertSame(code.Errors, read.Errors);
        AssertSame(code.Health, read.Health);
        AssertSame(code.Memory, read.Memory);
        Assert.Empty(read.Kinds);
    }

    [Fact]
    public void ReadKind_DefaultTemplate_EqualsTheCodeDefaults()
    {
        UnitKindOptions read = UnitKindConfig.Read(ConfigurationFactory.Empty, "mine", s_worker);
        var code = new UnitKindOptions("mine", s_worker);

        AssertSame(code, read);
    }

    [Fact]
    public void ReadKind_Session_OpensAfter15FailuresIn5MinutesAndResetsAfter10()
    {
        UnitKindOptions session = UnitKindConfig.Read(ConfigurationFactory.Empty, "session", s_worker);

        Assert.Equal(15, session.Breaker.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(5), session.Breaker.Window);
        Assert.Equal(TimeSpan.FromMinutes(10), session.Breaker.ResetTimeout);
        Assert.False(session.Critical);
    }

    [Fact]
    public void ReadKind_PredictionAndFeed_HaveTheirOwnDefaults()
    {
        UnitKindOptions prediction = UnitKindConfig.Read(ConfigurationFactory.Empty, "prediction", s_worker);
        UnitKindOptions feed = UnitKindConfig.Read(ConfigurationFactory.Empty, "feed", s_worker);

        Assert.Null(prediction.Breaker.Window);
        Assert.Equal(5, prediction.Breaker.MaxFailures);
        Assert.Equal(2.0, prediction.Breaker.ExponentialBackoffFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(500), prediction.MinBackoff);
        Assert.True(feed.Critical);
        Assert.Null(feed.PassivateAfter);
        Assert.Equal(TimeSpan.FromMinutes(1), feed.Breaker.Window);
        Assert.Equal(TimeSpan.FromMinutes(1), feed.MaxBackoff);
    }

    [Fact]
    public void Kinds_Reference_ListsSessionPredictionFeedButNotDefault()
    {
        Assert.Equal(["session", "prediction", "feed"], UnitKindConfig.Kinds(ConfigurationFactory.Empty));
        Assert.Equal(["session", "prediction", "feed", "orders"], UnitKindConfig.Kinds(Parse("actors.units.orders.critical = on")));
    }

    [Fact]
    public void FromConfig_EveryKey_IsMapped()
    {
        Config config = Parse("""
            actors {
              resilience.operation-timeout = 7s
              health {
                thresholds { cpu-percent = 70, memory-percent = 60, disk-percent = 95, error-rate = 0.1, p95-handling-time = 2s, thread-pool-queue = 50 }
                sample-interval = 3s
                publish-interval = 2s
                recent-failure-window = 1m
                handling-time-samples = 64
              }
              errors { capacity = 10, capture-stack-traces = off }
              memory {
                soft-threshold = 0.5
                hard-threshold = 0.6
                sample-interval = 1s
                cooldown = 30s
                passivate-idle-after = 20s
                compact-heap-on-cleanup = off
                action-journal-capacity = 7
              }
            }
            """);

        ResilienceOptions o = ResilienceOptions.FromConfig(config);

        Assert.Equal(TimeSpan.FromSeconds(7), o.OperationTimeout);
        Assert.Equal(70, o.Health.CpuThresholdPercent);
        Assert.Equal(60, o.Health.MemoryThresholdPercent);
        Assert.Equal(95, o.Health.DiskThresholdPercent);
        Assert.Equal(0.1, o.Health.ErrorRateThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Health.P95HandlingTimeThreshold);
        Assert.Equal(50, o.Health.ThreadPoolQueueThreshold);
        Assert.Equal(TimeSpan.FromSeconds(3), o.Health.SampleInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Health.PublishInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), o.Health.RecentFailureWindow);
        Assert.Equal(64, o.Health.HandlingTimeSamples);
        Assert.Equal(10, o.Errors.Capacity);
        Assert.False(o.Errors.CaptureStackTraces);
        Assert.Equal(0.5, o.Memory.SoftThreshold);
        Assert.Equal(0.6, o.Memory.HardThreshold);
        Assert.Equal(TimeSpan.FromSeconds(1), o.Memory.SampleInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), o.Memory.CleanupCooldown);
        Assert.Equal(TimeSpan.FromSeconds(20), o.Memory.PassivateIdleAfter);
        Assert.False(o.Memory.CompactHeapOnCleanup);
        Assert.Equal(7, o.Memory.ActionJournalCapacity);
    }

    [Fact]
    public void ReadKind_EveryKey_IsMapped()
    {
        Config config = Parse("""
            actors.units.orders {
              backoff { min = 100ms, max = 2s, random-factor = 0.5, max-retries = 3, reset-after = 1m }
              breaker {
                mode = window, max-failures = 4, window = 20s, reset-timeout = 5s, max-reset-timeout = 1m
                backoff-factor = 1.5, random-factor = 0.1, half-open-probes = 1
              }
              passivate-after = 90s
              critical = on
              ready-on-start = off
              buffer-capacity = 5
              load-report-interval = 2s
            }
            """);

        UnitKindOptions k = UnitKindConfig.Read(config, "orders", s_worker);

        Assert.Equal("orders", k.Kind);
        Assert.Same(s_worker, k.WorkerProps);
        Assert.Equal(TimeSpan.FromMilliseconds(100), k.MinBackoff);
        Assert.Equal(TimeSpan.FromSeconds(2), k.MaxBackoff);
        Assert.Equal(0.5, k.RandomFactor);
        Assert.Equal(3, k.MaxRetries);
        Assert.Equal(TimeSpan.FromMinutes(1), k.BackoffResetAfter);
        Assert.Equal(4, k.Breaker.MaxFailures);
        Assert.Equal(TimeSpan.FromSeconds(20), k.Breaker.Window);
        Assert.Equal(TimeSpan.FromSeconds(5), k.Breaker.ResetTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), k.Breaker.MaxResetTimeout);
        Assert.Equal(1.5, k.Breaker.ExponentialBackoffFactor);
        Assert.Equal(0.1, k.Breaker.RandomFactor);
        Assert.Equal(1, k.Breaker.HalfOpenMaxProbes); // a unit kind takes exactly one (see the bad-value cases)
        Assert.Equal(TimeSpan.FromSeconds(90), k.PassivateAfter);
        Assert.True(k.Critical);
        Assert.False(k.ReadyOnStart);
        Assert.Equal(5, k.BufferCapacity);
        Assert.Equal(TimeSpan.FromSeconds(2), k.LoadReportInterval);
    }

    [Fact]
    public void ReadKind_ConsecutiveMode_CountsConsecutiveFailures()
    {
        UnitKindOptions k = UnitKindConfig.Read(Parse("actors.units.session.breaker { mode = consecutive, max-failures = 3 }"), "session", s_worker);

        Assert.Null(k.Breaker.Window);
        Assert.Equal(3, k.Breaker.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(10), k.Breaker.ResetTimeout);
    }

    [Fact]
    public void ReadKind_DefaultOverridden_ReachesOwnAndShippedKinds()
    {
        Config config = Parse("actors.units.default.backoff.min = 250ms");

        Assert.Equal(TimeSpan.FromMilliseconds(250), UnitKindConfig.Read(config, "mine", s_worker).MinBackoff);
        Assert.Equal(TimeSpan.FromMilliseconds(250), UnitKindConfig.Read(config, "session", s_worker).MinBackoff);
        Assert.Equal(TimeSpan.FromMilliseconds(500), UnitKindConfig.Read(config, "prediction", s_worker).MinBackoff);
    }

    [Fact]
    public void ReadKind_PassivateAfterOff_NeverPassivates()
    {
        Assert.Null(UnitKindConfig.Read(Parse("actors.units.x.passivate-after = off"), "x", s_worker).PassivateAfter);
        Assert.Null(UnitKindConfig.Read(Parse("actors.units.x.passivate-after = infinite"), "x", s_worker).PassivateAfter);
    }

    [Fact]
    public void FromConfig_WithWorkers_AddsOneKindPerWorker()
    {
        var workers = new Dictionary<string, Func<string, Props>> { ["session"] = s_worker, ["orders"] = s_worker };

        ResilienceOptions o = ResilienceOptions.FromConfig(Parse("actors.units.orders.critical = on"), workers);

        Assert.Equal(["session", "orders"], o.Kinds.Select(k => k.Kind));
        Assert.True(o.Kinds[1].Critical);
        o.Validate();
    }

    [Theory]
    [InlineData("actors.units.orders {\n  breaker.mode = sometimes\n}", 2, "actors.units.orders.breaker.mode", "window or consecutive")]
    [InlineData("actors.units.orders {\n  breaker.max-failures = 0\n}", 2, "actors.units.orders.breaker.max-failures", "out of range")]
    [InlineData("actors.units.orders {\n  backoff.max = 1ms\n}", 2, "actors.units.orders.backoff.max", "out of range")]
    [InlineData("actors.units.orders {\n  backoff.min = soon\n}", 2, "backoff.min", "duration")]
    [InlineData("actors.units.default {\n  buffer-capacity = -1\n}", 2, "actors.units.default.buffer-capacity", "out of range")]
    [InlineData("actors.memory {\n  soft-threshold = 0.95\n}", 2, "actors.memory.hard-threshold", "out of range")]
    [InlineData("actors.errors {\n  capacity = 0\n}", 2, "actors.errors.capacity", "out of range")]
    [InlineData("actors.health {\n\n  thresholds.cpu-percent = -5\n}", 3, "actors.health.thresholds.cpu-percent", "out of range")]
    [InlineData("actors {\n  resilience.operation-timeout = 0s\n}", 2, "actors.resilience.operation-timeout", "positive")]
    [InlineData("actors.units.orders {\n  breaker.half-open-probes = 2\n}", 2, "actors.units.orders.breaker.half-open-probes", "one half-open probe")]
    public void FromConfig_BadValue_ErrorNamesFileLineColumnAndPath(string hocon, int line, string path, string detail)
    {
        Config config = Parse(hocon);

        var e = Assert.Throws<HoconException>(() =>
        {
            ResilienceOptions.FromConfig(config);
            UnitKindConfig.Read(config, "orders", s_worker);
        });

        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
        Assert.EndsWith(path, e.Path, StringComparison.Ordinal);
        if (path != "actors.memory.hard-threshold")
        {
            // The hard threshold is only out of range because of the soft one the user wrote; its position is the reference's.
            Assert.Equal("test.conf", e.Origin);
            Assert.Equal(line, e.Line);
            Assert.True(e.Column > 0);
            Assert.StartsWith($"test.conf:{line}:{e.Column}: ", e.Message, StringComparison.Ordinal);
        }
    }

    private static void AssertSame<T>(T expected, T actual)
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.Name is not (nameof(UnitKindOptions.WorkerProps) or nameof(HealthOptions.Probe))))
        {
            object? e = property.GetValue(expected);
            object? a = property.GetValue(actual);
            if (e is CircuitBreakerOptions eb && a is CircuitBreakerOptions ab)
            {
                Assert.Equal(eb, ab);
            }
            else
            {
                Assert.True(Equals(e, a), $"{typeof(T).Name}.{property.Name}: expected {e}, read {a}");
            }
        }
    }
}
