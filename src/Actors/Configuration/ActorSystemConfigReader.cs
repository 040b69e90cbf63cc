using Actors.Event;
using Actors.Hocon;

namespace Actors;

/// <summary>Maps a configuration (merged over its reference defaults) onto <see cref="ActorSystemOptions"/>.</summary>
internal static class ActorSystemConfigReader
{
    public static ActorSystemOptions Read(Config config, Config reference)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(reference);
        Config full = config.WithFallback(reference);
        var options = new ActorSystemOptions { Config = full };

        options.LogLevel = ReadLogLevel(full, "actors.loglevel");
        options.StdoutLogger = full.GetBoolean("actors.stdout-logger");
        options.LogDeadLetters = ReadLogDeadLetters(full, "actors.log-dead-letters");
        options.LogDeadLettersSuspendDuration = ReadPositive(full, "actors.log-dead-letters-suspend-duration");
        options.AskTimeout = ReadPositive(full, "actors.ask-timeout");

        foreach (string id in full.GetKeys("actors.dispatchers"))
        {
            string throughputPath = ConfigPaths.Join(ConfigPaths.Join("actors.dispatchers", id), "throughput");
            int throughput = full.GetInt(throughputPath, options.Throughput);
            if (throughput < 1)
            {
                throw ConfigPaths.Error(full, throughputPath, $"expected a throughput of at least 1, found {throughput}");
            }

            if (id == Dispatchers.DefaultDispatcherId)
            {
                options.Throughput = throughput;
            }
            else
            {
                options.Dispatchers[id] = throughput;
            }
        }

        foreach (string id in full.GetKeys("actors.mailboxes"))
        {
            string capacityPath = ConfigPaths.Join(ConfigPaths.Join("actors.mailboxes", id), "capacity");
            int capacity = full.GetInt(capacityPath, 0);
            if (capacity < 0)
            {
                throw ConfigPaths.Error(full, capacityPath, $"expected a capacity of 0 (unbounded) or more, found {capacity}");
            }

            options.Mailboxes[id] = capacity;
        }

        options.GuardianSupervisorStrategy = SupervisionConfig.Read(full, "actors.supervision.guardian");

        CoordinatedShutdownOptions shutdown = options.CoordinatedShutdown;
        shutdown.DefaultPhaseTimeout = ReadPositive(full, "actors.coordinated-shutdown.default-phase-timeout");
        shutdown.RunByActorSystemTerminate = full.GetBoolean("actors.coordinated-shutdown.run-by-actor-system-terminate");
        foreach (string phase in full.GetKeys("actors.coordinated-shutdown.phases"))
        {
            string phasePath = ConfigPaths.Join("actors.coordinated-shutdown.phases", phase);
            if (!CoordinatedShutdown.Phases.Contains(phase))
            {
                throw ConfigPaths.Error(full, phasePath, $"unknown coordinated-shutdown phase; known: {string.Join(", ", CoordinatedShutdown.Phases)}");
            }

            string timeoutPath = phasePath + ".timeout";
            if (full.HasPath(timeoutPath))
            {
                shutdown.PhaseTimeouts[phase] = ReadPositive(full, timeoutPath);
            }
        }

        ConfigDeployer deployer = ConfigDeployer.Read(full, options);
        if (deployer.Count > 0)
        {
            options.Deployer = deployer.Apply;
        }

        options.ConfigWarnings.AddRange(UnknownKeys.Find(full, reference));
        return options;
    }

    private static LogLevel ReadLogLevel(Config config, string path) =>
        config.GetString(path).ToUpperInvariant() switch
        {
            "DEBUG" => LogLevel.DebugLevel,
            "INFO" => LogLevel.InfoLevel,
            "WARNING" or "WARN" => LogLevel.WarningLevel,
            "ERROR" => LogLevel.ErrorLevel,
            _ => throw ConfigPaths.Error(config, path, "expected one of DEBUG, INFO, WARNING, ERROR"),
        };

    private static int ReadLogDeadLetters(Config config, string path)
    {
        string? text = config.GetValue(path)?.ScalarText?.Trim().ToUpperInvariant();
        if (text is "ON" or "OFF" or "TRUE" or "FALSE" or "YES" or "NO")
        {
            return config.GetBoolean(path) ? 10 : 0;
        }

        int count = config.GetInt(path);
        return count < 0 ? throw ConfigPaths.Error(config, path, $"expected on, off or a count of 0 or more, found {count}") : count;
    }

    private static TimeSpan ReadPositive(Config config, string path)
    {
        TimeSpan value = config.GetTimeSpan(path);
        return value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw ConfigPaths.Error(config, path, $"expected a positive duration or infinite, found {value}");
    }
}
