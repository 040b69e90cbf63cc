using System.Globalization;

namespace Actors.Prediction.Configuration;

/// <summary>Settings of prediction jobs, read from <c>actors.prediction</c> (defaults in this assembly's <c>reference.conf</c>).</summary>
public sealed class PredictionOptions
{
    /// <summary>The configuration path these options are read from.</summary>
    public const string Path = "actors.prediction";

    /// <summary>The largest upload accepted, in bytes.</summary>
    /// <value>20 MB.</value>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most pixels an image may declare, in megapixels.</summary>
    /// <value>40.</value>
    public double MaxMegapixels { get; set; } = 40;

    /// <summary>The working image's long side after reduced-scale decoding, in pixels.</summary>
    /// <value>800.</value>
    public int WorkingMaxSide { get; set; } = 800;

    /// <summary>A job not finished after this is answered with a timeout failure.</summary>
    /// <value>120 seconds.</value>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Jobs running at once per model.</summary>
    /// <value>2.</value>
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Jobs that may wait per model behind the running ones; beyond that requests are refused as overloaded.</summary>
    /// <value>16.</value>
    public int QueueCapacity { get; set; } = 16;

    /// <summary>The retry hint of an overloaded refusal.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive inference failures after which the model's session is suspect and its instance restarts.</summary>
    /// <value>3.</value>
    public int SuspectAfterFailures { get; set; } = 3;

    /// <summary>Recent jobs kept (with their heatmaps).</summary>
    /// <value>100.</value>
    public int RecentJobs { get; set; } = 100;

    /// <summary>Session threading.</summary>
    public SessionThreadOptions Session { get; } = new();

    /// <summary>The heatmap child's budget.</summary>
    public HeatmapOptions Heatmap { get; } = new();

    /// <summary>The model a request without a model name goes to.</summary>
    /// <value><c>orientation</c>.</value>
    public string DefaultModel { get; set; } = "orientation";

    /// <summary>The models served, by name.</summary>
    public Dictionary<string, ModelOptions> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>A test hook run by the heatmap child before it starts; a throw is the heatmap's failure.</summary>
    internal Action? HeatmapFault { get; set; }

    /// <summary>A test hook run by each job (with its id) before it decodes; it may block or throw.</summary>
    internal Action<string>? JobFault { get; set; }

    /// <summary>Reads <c>actors.prediction</c> from <paramref name="config"/> with this assembly's defaults under it, and validates it.</summary>
    /// <param name="config">The configuration.</param>
    /// <returns>The options.</returns>
    /// <exception cref="HoconException">A value is of the wrong type or out of range; the message names file:line:column and the key.</exception>
    public static PredictionOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config full = config.WithFallback(ReferenceConfig.FromAssembly(typeof(PredictionOptions).Assembly));
        var o = new PredictionOptions
        {
            MaxUploadBytes = (long)Positive(full, "max-upload-bytes", full.GetByteSize($"{Path}.max-upload-bytes") ?? 0),
            MaxMegapixels = Positive(full, "max-megapixels", full.GetDouble($"{Path}.max-megapixels")),
            WorkingMaxSide = (int)Positive(full, "working-max-side", full.GetInt($"{Path}.working-max-side")),
            JobTimeout = PositiveTime(full, "job-timeout"),
            MaxConcurrentJobs = (int)Positive(full, "max-concurrent-jobs", full.GetInt($"{Path}.max-concurrent-jobs")),
            QueueCapacity = (int)NonNegative(full, "queue-capacity", full.GetInt($"{Path}.queue-capacity")),
            RetryAfter = PositiveTime(full, "retry-after"),
            SuspectAfterFailures = (int)Positive(full, "suspect-after-failures", full.GetInt($"{Path}.suspect-after-failures")),
            RecentJobs = (int)Positive(full, "recent-jobs", full.GetInt($"{Path}.recent-jobs")),
            DefaultModel = full.GetString($"{Path}.default-model"),
        };
        o.Session.IntraOpThreads = (int)Positive(full, "session.intra-op-threads", full.GetInt($"{Path}.session.intra-op-threads"));
        o.Session.InterOpThreads = (int)Positive(full, "session.inter-op-threads", full.GetInt($"{Path}.session.inter-op-threads"));
        o.Session.AllowSpinning = full.GetBoolean($"{Path}.session.allow-spinning");
        o.Heatmap.Enabled = full.GetBoolean($"{Path}.heatmap.enabled");
        o.Heatmap.Timeout = PositiveTime(full, "heatmap.timeout");
        o.Heatmap.MemoryBudgetBytes = (long)Positive(full, "heatmap.memory-budget", full.GetByteSize($"{Path}.heatmap.memory-budget") ?? 0);
        o.Heatmap.MaxSide = (int)Positive(full, "heatmap.max-side", full.GetInt($"{Path}.heatmap.max-side"));
        if (o.Heatmap.MaxSide < 32)
        {
            throw Error(full, "heatmap.max-side", $"expected at least 32 (the detector's stride), found {o.Heatmap.MaxSide}");
        }

        foreach (string name in full.GetKeys($"{Path}.models"))
        {
            string key = $"models.{name}";
            var model = new ModelOptions(name, full.GetString($"{Path}.{key}.path"))
            {
                InputWidth = (int)Positive(full, $"{key}.input-width", full.GetInt($"{Path}.{key}.input-width", 192)),
                InputHeight = (int)Positive(full, $"{key}.input-height", full.GetInt($"{Path}.{key}.input-height", 48)),
                Normalize = Enum<NormalizationKind>(full, $"{key}.normalize", "paddle"),
                Resize = Enum<ResizeKind>(full, $"{key}.resize", "fit"),
                Labels = full.HasPath($"{Path}.{key}.labels") ? full.GetStringList($"{Path}.{key}.labels") : [],
                Softmax = full.GetBoolean($"{Path}.{key}.softmax", false),
                HeatmapPath = full.GetString($"{Path}.{key}.heatmap-path", string.Empty) ?? string.Empty,
                HeatmapNormalize = Enum<NormalizationKind>(full, $"{key}.heatmap-normalize", "imagenet"),
            };
            o.Models[name] = model;
        }

        return o;
    }

    private static double Positive(Config config, string key, double value) =>
        value > 0 ? value : throw Error(config, key, string.Create(CultureInfo.InvariantCulture, $"expected a positive number, found {value}"));

    private static double NonNegative(Config config, string key, double value) =>
        value >= 0 ? value : throw Error(config, key, string.Create(CultureInfo.InvariantCulture, $"expected zero or more, found {value}"));

    private static TimeSpan PositiveTime(Config config, string key)
    {
        TimeSpan value = config.GetTimeSpan($"{Path}.{key}");
        return value > TimeSpan.Zero ? value : throw Error(config, key, $"expected a positive duration, found {value}");
    }

    private static T Enum<T>(Config config, string key, string fallback)
        where T : struct, System.Enum
    {
        string text = config.GetString($"{Path}.{key}", fallback) ?? fallback;
        return System.Enum.TryParse(text, ignoreCase: true, out T value) && !int.TryParse(text, out _)
            ? value
            : throw Error(config, key, $"expected one of {string.Join(", ", System.Enum.GetNames<T>()).ToLowerInvariant()}, found \"{text}\"");
    }

    private static HoconException Error(Config config, string key, string detail)
    {
        HoconOrigin? origin = config.GetOrigin($"{Path}.{key}");
        return new HoconException(detail, origin?.Description, origin?.Line ?? 0, origin?.Column ?? 0, $"{Path}.{key}");
    }
}
