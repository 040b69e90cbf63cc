using Actors.Resilience.Breaker;
using Actors.Hocon;
using Actors.Resilience.Errors;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Actors.Resilience.Units;

namespace Actors.Resilience.Configuration;

/// <summary>
/// Maps <c>actors.resilience</c>, <c>actors.health</c>, <c>actors.errors</c>, <c>actors.memory</c> and
/// <c>actors.units</c> onto the options. Every error names the file:line:column the value was written at and its path:
/// type errors come from the <see cref="Config"/> getters, range errors from the options' own <c>Validate</c> (one
/// rule, one place), re-thrown with the position of the key that maps to the offending property.
/// </summary>
internal static class ResilienceConfigReader
{
    public const string UnitsPath = "actors.units";
    public const string DefaultKind = "default";

    private static readonly Lazy<Config> s_reference = new(static () => ReferenceConfig.FromAssembly(typeof(ResilienceConfigReader).Assembly));

    /// <summary>The defaults embedded in Actors.Resilience.</summary>
    public static Config Reference => s_reference.Value;

    public static ResilienceOptions Read(Config config, IReadOnlyDictionary<string, Func<string, Props>>? workers)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config full = config.WithFallback(Reference);
        var options = new ResilienceOptions();
        const string timeoutPath = "actors.resilience.operation-timeout";
        options.OperationTimeout = full.GetTimeSpan(timeoutPath);
        if (options.OperationTimeout <= TimeSpan.Zero)
        {
            throw ConfigPaths.Error(full, timeoutPath, $"expected a positive duration, found {options.OperationTimeout}");
        }

        ReadErrors(full, options.Errors);
        ReadHealth(full, options.Health);
        ReadMemory(full, options.Memory);
        if (workers is not null)
        {
            foreach ((string kind, Func<string, Props> worker) in workers)
            {
                options.Kinds.Add(ReadKind(full, kind, worker));
            }
        }

        return options;
    }

    public static UnitKindOptions ReadKind(Config config, string kind, Func<string, Props> workerProps)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(workerProps);
        Config full = config.WithFallback(Reference);
        string kindPath = ConfigPaths.Join(UnitsPath, kind);
        string defaultPath = ConfigPaths.Join(UnitsPath, DefaultKind);

        // A kind of the user's own falls back to `default` key by key; the reference's kinds already include it.
        Config unit = full.GetConfig(kindPath).WithFallback(full.GetConfig(defaultPath));
        string At(string key) => key.Length == 0 ? kindPath : full.HasPath(kindPath + "." + key) ? kindPath + "." + key : defaultPath + "." + key;
        HoconOrigin? OriginOf(string key) => key.Length == 0 ? full.GetOrigin(kindPath) : unit.GetOrigin(key);

        string mode = unit.GetString("breaker.mode").ToLowerInvariant();
        if (mode is not ("window" or "consecutive"))
        {
            throw Error(OriginOf("breaker.mode"), At("breaker.mode"), $"expected window or consecutive, found \"{mode}\"");
        }

        var breaker = new CircuitBreakerOptions
        {
            MaxFailures = unit.GetInt("breaker.max-failures"),
            Window = mode == "window" ? unit.GetTimeSpan("breaker.window") : null,
            ResetTimeout = unit.GetTimeSpan("breaker.reset-timeout"),
            MaxResetTimeout = Infinite(unit.GetTimeSpan("breaker.max-reset-timeout"), TimeSpan.FromDays(36500)),
            ExponentialBackoffFactor = unit.GetDouble("breaker.backoff-factor"),
            RandomFactor = unit.GetDouble("breaker.random-factor"),
            HalfOpenMaxProbes = unit.GetInt("breaker.half-open-probes"),
        };
        Validate(breaker.Validate, OriginOf, At, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(CircuitBreakerOptions.MaxFailures)] = "breaker.max-failures",
            [nameof(CircuitBreakerOptions.Window)] = "breaker.window",
            [nameof(CircuitBreakerOptions.ResetTimeout)] = "breaker.reset-timeout",
            [nameof(CircuitBreakerOptions.MaxResetTimeout)] = "breaker.max-reset-timeout",
            [nameof(CircuitBreakerOptions.ExponentialBackoffFactor)] = "breaker.backoff-factor",
            [nameof(CircuitBreakerOptions.RandomFactor)] = "breaker.random-factor",
            [nameof(CircuitBreakerOptions.HalfOpenMaxProbes)] = "breaker.half-open-probes",
        });

        var options = new UnitKindOptions(kind, workerProps)
        {
            MinBackoff = unit.GetTimeSpan("backoff.min"),
            MaxBackoff = unit.GetTimeSpan("backoff.max"),
            RandomFactor = unit.GetDouble("backoff.random-factor"),
            MaxRetries = unit.GetInt("backoff.max-retries"),
            BackoffResetAfter = unit.GetTimeSpan("backoff.reset-after"),
            Breaker = breaker,
            PassivateAfter = ReadOptionalDuration(unit, "passivate-after"),
            Critical = unit.GetBoolean("critical"),
            ReadyOnStart = unit.GetBoolean("ready-on-start"),
            BufferCapacity = unit.GetInt("buffer-capacity"),
            LoadReportInterval = unit.GetTimeSpan("load-report-interval"),
        };
        Validate(options.Validate, OriginOf, At, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(UnitKindOptions.Kind)] = string.Empty,
            [nameof(UnitKindOptions.MinBackoff)] = "backoff.min",
            [nameof(UnitKindOptions.MaxBackoff)] = "backoff.max",
            [nameof(UnitKindOptions.RandomFactor)] = "backoff.random-factor",
            [nameof(UnitKindOptions.MaxRetries)] = "backoff.max-retries",
            [nameof(UnitKindOptions.BackoffResetAfter)] = "backoff.reset-after",
            [nameof(UnitKindOptions.PassivateAfter)] = "passivate-after",
            [nameof(UnitKindOptions.BufferCapacity)] = "buffer-capacity",
            [nameof(UnitKindOptions.LoadReportInterval)] = "load-report-interval",
            [nameof(CircuitBreakerOptions.HalfOpenMaxProbes)] = "breaker.half-open-probes",
        });
        return options;
    }

    /// <summary>The kinds written under <c>actors.units</c>, except the <c>default</c> template.</summary>
    public static IReadOnlyList<string> Kinds(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.WithFallback(Reference).GetKeys(UnitsPath).Where(static k => k != DefaultKind).ToArray();
    }

    private static void ReadErrors(Config full, ErrorJournalOptions errors)
    {
        errors.Capacity = full.GetInt("actors.errors.capacity");
        errors.CaptureStackTraces = full.GetBoolean("actors.errors.capture-stack-traces");
        Validate(errors.Validate, p => full.GetOrigin("actors.errors." + p), static p => "actors.errors." + p, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(ErrorJournalOptions.Capacity)] = "capacity",
        });
    }

    private static void ReadHealth(Config full, HealthOptions health)
    {
        const string t = "actors.health.thresholds.";
        health.CpuThresholdPercent = full.GetDouble(t + "cpu-percent");
        health.MemoryThresholdPercent = full.GetDouble(t + "memory-percent");
        health.DiskThresholdPercent = full.GetDouble(t + "disk-percent");
        health.ErrorRateThreshold = full.GetDouble(t + "error-rate");
        health.P95HandlingTimeThreshold = full.GetTimeSpan(t + "p95-handling-time");
        health.ThreadPoolQueueThreshold = full.GetLong(t + "thread-pool-queue");
        health.SampleInterval = full.GetTimeSpan("actors.health.sample-interval");
        health.PublishInterval = full.GetTimeSpan("actors.health.publish-interval");
        health.RecentFailureWindow = full.GetTimeSpan("actors.health.recent-failure-window");
        health.HandlingTimeSamples = full.GetInt("actors.health.handling-time-samples");
        Validate(health.Validate, p => full.GetOrigin("actors.health." + p), static p => "actors.health." + p, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(HealthOptions.CpuThresholdPercent)] = "thresholds.cpu-percent",
            [nameof(HealthOptions.MemoryThresholdPercent)] = "thresholds.memory-percent",
            [nameof(HealthOptions.DiskThresholdPercent)] = "thresholds.disk-percent",
            [nameof(HealthOptions.ErrorRateThreshold)] = "thresholds.error-rate",
            [nameof(HealthOptions.P95HandlingTimeThreshold)] = "thresholds.p95-handling-time",
            [nameof(HealthOptions.ThreadPoolQueueThreshold)] = "thresholds.thread-pool-queue",
            [nameof(HealthOptions.SampleInterval)] = "sample-interval",
            [nameof(HealthOptions.PublishInterval)] = "publish-interval",
            [nameof(HealthOptions.RecentFailureWindow)] = "recent-failure-window",
            [nameof(HealthOptions.HandlingTimeSamples)] = "handling-time-samples",
        });
    }

    private static void ReadMemory(Config full, MemoryGuardOptions memory)
    {
        memory.SoftThreshold = full.GetDouble("actors.memory.soft-threshold");
        memory.HardThreshold = full.GetDouble("actors.memory.hard-threshold");
        memory.SampleInterval = full.GetTimeSpan("actors.memory.sample-interval");
        memory.CleanupCooldown = full.GetTimeSpan("actors.memory.cooldown");
        memory.PassivateIdleAfter = full.GetTimeSpan("actors.memory.passivate-idle-after");
        memory.CompactHeapOnCleanup = full.GetBoolean("actors.memory.compact-heap-on-cleanup");
        memory.ActionJournalCapacity = full.GetInt("actors.memory.action-journal-capacity");
        Validate(memory.Validate, p => full.GetOrigin("actors.memory." + p), static p => "actors.memory." + p, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(MemoryGuardOptions.SoftThreshold)] = "soft-threshold",
            [nameof(MemoryGuardOptions.HardThreshold)] = "hard-threshold",
            [nameof(MemoryGuardOptions.SampleInterval)] = "sample-interval",
            [nameof(MemoryGuardOptions.CleanupCooldown)] = "cooldown",
            [nameof(MemoryGuardOptions.PassivateIdleAfter)] = "passivate-idle-after",
            [nameof(MemoryGuardOptions.ActionJournalCapacity)] = "action-journal-capacity",
        });
    }

    /// <summary>Runs an options' own validation and re-throws a range error at the key that maps to the property.</summary>
    private static void Validate(Action validate, Func<string, HoconOrigin?> origin, Func<string, string> fullPath, Dictionary<string, string> keys)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e) when (e.ParamName is { } name && keys.TryGetValue(name, out string? key))
        {
            string detail = e.Message.Split('\n')[0].Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal).Trim();
            throw Error(origin(key), fullPath(key), $"out of range: {detail}", e);
        }
    }

    private static HoconException Error(HoconOrigin? origin, string path, string detail, Exception? inner = null) =>
        new(detail, origin?.Description, origin?.Line ?? 0, origin?.Column ?? 0, path, inner);

    private static TimeSpan? ReadOptionalDuration(Config config, string key)
    {
        string? text = config.GetValue(key)?.ScalarText?.Trim().ToUpperInvariant();
        if (text is "OFF" or "FALSE" or "NO" or "NEVER")
        {
            return null;
        }

        TimeSpan value = config.GetTimeSpan(key);
        return value == Timeout.InfiniteTimeSpan ? null : value;
    }

    private static TimeSpan Infinite(TimeSpan value, TimeSpan infinite) => value == Timeout.InfiniteTimeSpan ? infinite : value;
}
