using System.Globalization;
using Actors.Chaos.Faults;

namespace Actors.Chaos.Configuration;

/// <summary>
/// Settings of chaos on demand, read from <c>actors.chaos</c> (defaults in this assembly's <c>reference.conf</c>), and
/// the faults the monkey picks from: the library's own (<c>worker-exception</c>, <c>memory-pressure</c>) and the ones
/// workloads add with <see cref="AddFault"/>.
/// </summary>
public sealed class ChaosOptions
{
    /// <summary>The configuration path these options are read from.</summary>
    public const string Path = "actors.chaos";

    private readonly List<(IChaosFault Fault, double Weight)> _faults = [];

    /// <summary>Whether chaos starts injecting as soon as the actor system is up.</summary>
    /// <value>False.</value>
    public bool EnabledAtStart { get; set; }

    /// <summary>Faults injected per second (see <see cref="ChaosRate"/> for the range).</summary>
    /// <value>1.</value>
    public double RatePerSecond { get; set; } = 1;

    /// <summary>The seed of the random choices; <see langword="null"/> picks one.</summary>
    /// <value><see langword="null"/>.</value>
    public int? Seed { get; set; }

    /// <summary>The last injections kept for the status.</summary>
    /// <value>50.</value>
    public int RecentCapacity { get; set; } = 50;

    /// <summary>An injection not finished after this counts as failed.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan InjectionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Weights by fault name, as configured under <c>actors.chaos.faults</c> (0 = off). A fault not named here keeps
    /// the weight it was added with. Every name must be a registered fault.
    /// </summary>
    public IDictionary<string, double> Weights { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The worker-exception fault's settings.</summary>
    public WorkerExceptionOptions WorkerException { get; } = new();

    /// <summary>The memory-pressure fault's settings.</summary>
    public MemoryPressureOptions MemoryPressure { get; } = new();

    /// <summary>The registered faults, in the order they were added.</summary>
    public IReadOnlyList<IChaosFault> Faults => _faults.Select(f => f.Fault).ToArray();

    /// <summary>Adds a fault the monkey may pick. Its weight is <paramref name="weight"/> unless <see cref="Weights"/> names it.</summary>
    /// <param name="fault">The fault; its name must be unique.</param>
    /// <param name="weight">Its default weight (0 = off unless configured).</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">A fault of that name was already added, or the weight is negative.</exception>
    public ChaosOptions AddFault(IChaosFault fault, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentException.ThrowIfNullOrWhiteSpace(fault.Name);
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentException($"The weight of fault '{fault.Name}' must be zero or more, not {weight}.", nameof(weight));
        }

        if (_faults.Any(f => f.Fault.Name == fault.Name))
        {
            throw new ArgumentException($"A chaos fault named '{fault.Name}' was already added.", nameof(fault));
        }

        _faults.Add((fault, weight));
        return this;
    }

    /// <summary>The weight the monkey uses for <paramref name="fault"/>: the configured one, else the one it was added with.</summary>
    /// <param name="fault">A registered fault.</param>
    /// <returns>Its weight.</returns>
    public double WeightOf(IChaosFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return Weights.TryGetValue(fault.Name, out double w) ? w : _faults.FirstOrDefault(f => f.Fault == fault).Weight;
    }

    /// <summary>Checks the options once every fault is registered.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a weight names no registered fault; the message says which and what is allowed.</exception>
    public void Validate()
    {
        if (!ChaosRate.IsAllowed(RatePerSecond))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"actors.chaos.rate is {RatePerSecond} faults per second: allowed {ChaosRate.AllowedText}."));
        }

        if (RecentCapacity < 1 || RecentCapacity > 10_000)
        {
            throw new ArgumentException($"actors.chaos.recent must be from 1 to 10000, not {RecentCapacity}.");
        }

        if (InjectionTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"actors.chaos.injection-timeout must be positive, not {InjectionTimeout}.");
        }

        if (MemoryPressure.SizeBytes <= 0 || MemoryPressure.SizeBytes > MemoryPressureOptions.MaxSizeBytes)
        {
            throw new ArgumentException($"actors.chaos.memory-pressure.size must be more than 0 and at most 1GiB, not {MemoryPressure.SizeBytes} bytes.");
        }

        if (MemoryPressure.Hold <= TimeSpan.Zero)
        {
            throw new ArgumentException($"actors.chaos.memory-pressure.hold must be positive, not {MemoryPressure.Hold}.");
        }

        foreach ((string name, double weight) in Weights)
        {
            if (!_faults.Any(f => f.Fault.Name == name))
            {
                throw new ArgumentException($"actors.chaos.faults.{name} names no registered fault: known are {string.Join(", ", _faults.Select(f => f.Fault.Name))}.");
            }

            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException($"actors.chaos.faults.{name} must be on, off or a weight of zero or more, not {weight}.");
            }
        }
    }

    /// <summary>Reads <c>actors.chaos</c> from <paramref name="config"/> with this assembly's defaults under it.</summary>
    /// <param name="config">The configuration.</param>
    /// <returns>The options (faults are added by <c>WithChaos</c>).</returns>
    /// <exception cref="HoconException">A value is of the wrong type or out of range; the message names file:line:column and the key.</exception>
    public static ChaosOptions FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config full = config.WithFallback(ReferenceConfig.FromAssembly(typeof(ChaosOptions).Assembly));
        var o = new ChaosOptions
        {
            EnabledAtStart = full.GetBoolean($"{Path}.enabled-at-start"),
            RecentCapacity = full.GetInt($"{Path}.recent"),
            InjectionTimeout = full.GetTimeSpan($"{Path}.injection-timeout"),
        };
        string rate = full.GetString($"{Path}.rate");
        if (!ChaosRate.TryParse(rate, out double perSecond, out string? rateError))
        {
            throw Error(full, "rate", rateError!);
        }

        o.RatePerSecond = perSecond;
        string seed = full.GetString($"{Path}.seed");
        if (!string.Equals(seed, "off", StringComparison.OrdinalIgnoreCase) && !string.Equals(seed, "false", StringComparison.OrdinalIgnoreCase))
        {
            o.Seed = int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : throw Error(full, "seed", $"expected off or an integer, found \"{seed}\"");
        }

        if (o.RecentCapacity < 1 || o.RecentCapacity > 10_000)
        {
            throw Error(full, "recent", $"expected 1 to 10000, found {o.RecentCapacity}");
        }

        if (o.InjectionTimeout <= TimeSpan.Zero)
        {
            throw Error(full, "injection-timeout", $"expected a positive duration, found {o.InjectionTimeout}");
        }

        foreach (string name in full.GetKeys($"{Path}.faults"))
        {
            string text = full.GetString($"{Path}.faults.{name}");
            o.Weights[name] = text.ToLowerInvariant() switch
            {
                "on" or "true" or "yes" => 1,
                "off" or "false" or "no" => 0,
                _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double w) && double.IsFinite(w) && w >= 0 && w <= 1_000_000
                    ? w
                    : throw Error(full, $"faults.{name}", $"expected on, off or a weight from 0 to 1000000, found \"{text}\""),
            };
        }

        foreach (string kind in full.GetStringList($"{Path}.worker-exception.exclude-kinds"))
        {
            o.WorkerException.ExcludeKinds.Add(kind);
        }

        long size = full.GetByteSize($"{Path}.memory-pressure.size") ?? 0;
        if (size <= 0 || size > MemoryPressureOptions.MaxSizeBytes)
        {
            throw Error(full, "memory-pressure.size", $"expected more than 0 and at most 1GiB, found {size} bytes");
        }

        o.MemoryPressure.SizeBytes = size;
        o.MemoryPressure.Hold = full.GetTimeSpan($"{Path}.memory-pressure.hold");
        if (o.MemoryPressure.Hold <= TimeSpan.Zero)
        {
            throw Error(full, "memory-pressure.hold", $"expected a positive duration, found {o.MemoryPressure.Hold}");
        }

        return o;
    }

    private static HoconException Error(Config config, string key, string detail)
    {
        HoconOrigin? origin = config.GetOrigin($"{Path}.{key}");
        return new HoconException(detail, origin?.Description, origin?.Line ?? 0, origin?.Column ?? 0, $"{Path}.{key}");
    }
}
