using Actors.Hocon;
using Actors.Hosting.Logging;
using Actors.Hosting.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting;

/// <summary>
/// Links the actor system's life to the host's, both ways: host start reads the configuration, validates, creates
/// the system and runs the starters; host stop runs coordinated shutdown; a system that terminates on its own stops
/// the host. A start-up failure is logged once, sets the exit code and stops the host; it is never swallowed.
/// </summary>
internal sealed partial class ActorsHostedService(
    IServiceProvider services,
    ActorsSetup setup,
    ActorsRuntime runtime,
    ActorRegistry registry,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory) : IHostedService
{
    private readonly ILogger _log = loggerFactory.CreateLogger("Actors.Hosting");
    private ActorSystem? _system;
    private int _stopRequested;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ActorsBuilder builder = setup.Builder;
        runtime.Starting();
        try
        {
            builder.Freeze();
            setup.LateConfigure?.Invoke(builder, services);
            ActorSystemOptions options = ReadOptions(builder);

            if (builder.Validation.Count > 0)
            {
                var context = new StartupValidationContext(options.Config, null, options.TimeProvider);
                IReadOnlyList<StartupProblem> problems = await builder.Validation.ValidateAsync(context, cancellationToken).ConfigureAwait(false);
                if (problems.Count > 0)
                {
                    throw new StartupValidationException(problems);
                }
            }

            ActorSystem system = ActorSystem.Create(builder.ActorSystemName, options);
            _system = system;
            _ = system.WhenTerminated.ContinueWith(_ => OnSystemTerminated(system), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            foreach (var starter in builder.Starters)
            {
                starter(system, registry, services);
            }

            foreach (var startup in builder.Startups)
            {
                await startup(system, registry, services).ConfigureAwait(false);
            }

            runtime.Started(system);
            LogStarted(_log, system.Name);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(builder, e).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _stopRequested, 1);
        if (_system is not { } system || system.WhenTerminated.IsCompleted)
        {
            return;
        }

        LogStopping(_log, system.Name);
        try
        {
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.HostStopReason.Instance).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogStopTimedOut(_log, system.Name);
        }
    }

    private ActorSystemOptions ReadOptions(ActorsBuilder builder)
    {
        TimeProvider clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        Config user = ConfigurationFactory.Empty;
        foreach (ActorsBuilder.ConfigSource source in builder.ConfigSources)
        {
            Config next = source.Config ?? SettingsFile.LoadHocon(source.Path!, source.Optional, _log, clock);
            user = next.WithFallback(user);
        }

        if (builder.ReadConfiguration && (builder.Configuration ?? services.GetService<IConfiguration>()) is { } configuration)
        {
            user = ConfigurationHoconMapper.ToConfig(configuration).WithFallback(user);
        }

        Config reference = ReferenceConfig.Load(builder.ReferenceAssemblies);
        ActorSystemOptions options = ActorSystemOptions.FromConfig(user, reference);
        Config full = options.Config;

        ActorsLoggerOptions loggers = builder.Loggers;
        if (loggers.LogLevel is { } level)
        {
            options.LogLevel = level;
        }

        if (loggers.StdoutLogger is { } stdout)
        {
            options.StdoutLogger = stdout;
        }

        if (loggers.UseILogger ?? full.GetBoolean("actors.hosting.ilogger"))
        {
            options.Loggers.Add(Props.Create(() => new LoggerFactoryLogger(loggerFactory)));
        }

        foreach (Props logger in loggers.Loggers)
        {
            options.Loggers.Add(logger);
        }

        if (builder.AskTimeout is { } askTimeout)
        {
            options.AskTimeout = askTimeout;
        }

        runtime.RequiredActorTimeout = builder.RequiredActorTimeout ?? full.GetTimeSpan("actors.hosting.required-actor-timeout");
        runtime.HealthCheckTimeout = full.GetTimeSpan("actors.hosting.health-check-timeout");
        foreach (Action<ActorSystemOptions> action in builder.OptionActions)
        {
            action(options);
        }

        return options;
    }

    private async Task FailAsync(ActorsBuilder builder, Exception e)
    {
        int exitCode = e is StartupValidationException or HoconException or SettingsFileException
            ? ActorsExitCodes.ConfigurationInvalid
            : ActorsExitCodes.StartupFailed;
        runtime.Failed(e);
        registry.Fail(e, exitCode);
        Interlocked.Exchange(ref _stopRequested, 1);

        // Logged here, once; the host is then stopped without rethrowing so the reason is not logged again.
        if (e is StartupValidationException or HoconException or SettingsFileException)
        {
            LogConfigurationFailure(_log, builder.ActorSystemName, exitCode, e.Message);
        }
        else
        {
            LogStartupFailure(_log, e, builder.ActorSystemName, exitCode, e.Message);
        }

        if (builder.SetsExitCode)
        {
            Environment.ExitCode = exitCode;
        }

        if (_system is { } system)
        {
            try
            {
                await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30), system.TimeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogStopTimedOut(_log, system.Name);
            }
        }

        lifetime.StopApplication();
    }

    private void OnSystemTerminated(ActorSystem system)
    {
        runtime.Terminated();
        if (Interlocked.Exchange(ref _stopRequested, 1) == 0)
        {
            LogTerminatedOnItsOwn(_log, system.Name);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Actor system {ActorSystem} started")]
    private static partial void LogStarted(ILogger logger, string actorSystem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host is stopping: running coordinated shutdown of actor system {ActorSystem}")]
    private static partial void LogStopping(ILogger logger, string actorSystem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Actor system {ActorSystem} did not finish shutting down before the host's shutdown timeout")]
    private static partial void LogStopTimedOut(ILogger logger, string actorSystem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Actor system {ActorSystem} terminated on its own; stopping the host")]
    private static partial void LogTerminatedOnItsOwn(ILogger logger, string actorSystem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Actor system {ActorSystem} cannot start (exit code {ExitCode}): {Reason}")]
    private static partial void LogConfigurationFailure(ILogger logger, string actorSystem, int exitCode, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Actor system {ActorSystem} failed to start (exit code {ExitCode}): {Reason}")]
    private static partial void LogStartupFailure(ILogger logger, Exception exception, string actorSystem, int exitCode, string reason);
}
