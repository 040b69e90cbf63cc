using Actors.Hocon;

namespace Actors.Hosting.Validation;

/// <summary>What a start-up check can read: the complete configuration, the environment and the clock.</summary>
public sealed class StartupValidationContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="config">The complete configuration (user settings over reference defaults).</param>
    /// <param name="environment">Looks up environment variables; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <param name="timeProvider">The clock for timeouts; <see cref="TimeProvider.System"/> when null.</param>
    public StartupValidationContext(Config config, Func<string, string?>? environment = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Environment = environment ?? System.Environment.GetEnvironmentVariable;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The complete configuration.</summary>
    public Config Config { get; }

    /// <summary>Looks up an environment variable; null when it is not set.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>The clock for timeouts.</summary>
    public TimeProvider TimeProvider { get; }
}
