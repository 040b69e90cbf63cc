using System.Reflection;
using Actors.Hocon;
using Actors.Hosting.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Hosting;

/// <summary>
/// Configures the hosted actor system: where its configuration comes from, which actors start, how it logs and what
/// is validated before it starts. Configuration sources added later win over earlier ones; <see cref="IConfiguration"/>
/// (environment variables <c>ACTORS__A__B</c>, appsettings) wins over HOCON; explicit builder calls win over both.
/// </summary>
public sealed class ActorsBuilder
{
    private bool _frozen;

    internal ActorsBuilder(string actorSystemName, IServiceCollection services)
    {
        ActorSystemName = actorSystemName;
        Services = services;
    }

    /// <summary>The name of the actor system.</summary>
    public string ActorSystemName { get; }

    /// <summary>The service collection the system is registered in.</summary>
    public IServiceCollection Services { get; }

    internal List<ConfigSource> ConfigSources { get; } = new();

    // Resilience's defaults are always loaded, so its keys are known even before WithResilience is called.
    internal List<Assembly> ReferenceAssemblies { get; } = new() { typeof(ActorsBuilder).Assembly, typeof(global::Actors.Resilience.ResilienceOptions).Assembly };

    internal List<Action<ActorSystem, ActorRegistry, IServiceProvider>> Starters { get; } = new();

    internal List<Func<ActorSystem, ActorRegistry, IServiceProvider, Task>> Startups { get; } = new();

    internal List<Action<ActorSystemOptions>> OptionActions { get; } = new();

    internal ActorsLoggerOptions Loggers { get; } = new();

    internal StartupValidationBuilder Validation { get; } = new();

    internal TimeSpan? AskTimeout { get; private set; }

    internal TimeSpan? RequiredActorTimeout { get; private set; }

    internal bool ReadConfiguration { get; private set; } = true;

    internal IConfiguration? Configuration { get; private set; }

    internal bool HealthCheck { get; private set; } = true;

    internal bool SetsExitCode { get; private set; } = true;

    /// <summary>Adds HOCON text; it wins over sources added before it.</summary>
    /// <param name="hocon">The HOCON text.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="HoconException">The text is not valid HOCON.</exception>
    public ActorsBuilder AddHocon(string hocon)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        Config config = ConfigurationFactory.ParseString(hocon, $"AddHocon #{ConfigSources.Count + 1}");
        ConfigSources.Add(new ConfigSource(config, null, false));
        return this;
    }

    /// <summary>Adds a parsed configuration; it wins over sources added before it.</summary>
    /// <param name="config">The configuration.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder AddHocon(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ConfigSources.Add(new ConfigSource(config, null, false));
        return this;
    }

    /// <summary>
    /// Adds a HOCON (or JSON) file, read when the host starts; it wins over sources added before it. A required file
    /// that is missing or corrupt fails start-up with file:line:column; an optional one is skipped when missing and
    /// moved aside to <c>&lt;name&gt;.corrupted.&lt;timestamp&gt;</c> (with a warning) when corrupt.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="optional">Whether start-up may continue with the defaults when the file is missing or corrupt.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder AddHoconFile(string path, bool optional = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ConfigSources.Add(new ConfigSource(null, path, optional));
        return this;
    }

    /// <summary>Reads the <c>actors</c> section of <paramref name="configuration"/> instead of the host's configuration.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder WithConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        ReadConfiguration = true;
        return this;
    }

    /// <summary>Ignores <see cref="IConfiguration"/> (environment variables, appsettings): only HOCON configures the system.</summary>
    /// <returns>This builder.</returns>
    public ActorsBuilder WithoutConfiguration()
    {
        ReadConfiguration = false;
        return this;
    }

    /// <summary>Adds the <c>reference.conf</c> embedded in <paramref name="assembly"/> to the defaults (and to the known keys).</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder AddReferenceConfig(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ReferenceAssemblies.Add(assembly);
        return this;
    }

    /// <summary>Starts actors once the system is up; callbacks run in the order added, before <see cref="AddStartup(Action{ActorSystem, ActorRegistry})"/>.</summary>
    /// <param name="starter">Creates actors and registers them.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder WithActors(Action<ActorSystem, ActorRegistry> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        Starters.Add((system, registry, _) => starter(system, registry));
        return this;
    }

    /// <summary>Starts actors once the system is up, with access to the host's services.</summary>
    /// <param name="starter">Creates actors and registers them.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder WithActors(Action<ActorSystem, ActorRegistry, IServiceProvider> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        Starters.Add(starter);
        return this;
    }

    /// <summary>Runs after every <c>WithActors</c> callback, e.g. to send the first messages.</summary>
    /// <param name="startup">The callback.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder AddStartup(Action<ActorSystem, ActorRegistry> startup)
    {
        ArgumentNullException.ThrowIfNull(startup);
        Startups.Add((system, registry, _) =>
        {
            startup(system, registry);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Runs after every <c>WithActors</c> callback; start-up waits for the task.</summary>
    /// <param name="startup">The callback.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder AddStartup(Func<ActorSystem, ActorRegistry, IServiceProvider, Task> startup)
    {
        ArgumentNullException.ThrowIfNull(startup);
        Startups.Add(startup);
        return this;
    }

    /// <summary>Sets the default <c>Ask</c> timeout, overriding <c>actors.ask-timeout</c>.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder WithActorAskTimeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The ask timeout must be positive or infinite.");
        }

        AskTimeout = timeout;
        return this;
    }

    /// <summary>Sets how long <see cref="IRequiredActor{TKey}"/> waits, overriding <c>actors.hosting.required-actor-timeout</c>.</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder WithRequiredActorTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        RequiredActorTimeout = timeout;
        return this;
    }

    /// <summary>Configures logging: level, the <c>ILogger</c> bridge, the console logger, further logger actors.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder ConfigureLoggers(Action<ActorsLoggerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Loggers);
        return this;
    }

    /// <summary>Changes the options read from configuration just before the system is created (e.g. its <c>TimeProvider</c>).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder ConfigureOptions(Action<ActorSystemOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        OptionActions.Add(configure);
        return this;
    }

    /// <summary>Declares start-up checks that run before any actor starts; see <see cref="StartupValidationBuilder"/>.</summary>
    /// <param name="configure">Adds checks.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder WithStartupValidation(Action<StartupValidationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Validation);
        return this;
    }

    /// <summary>Does not register the actor system's health check (registered as <c>actors</c> by default).</summary>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">Called from the <c>(builder, serviceProvider)</c> overload, after services were built.</exception>
    public ActorsBuilder WithoutHealthCheck()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("WithoutHealthCheck changes service registrations: call it from AddActors(name, builder => ...), not from the (builder, serviceProvider) overload.");
        }

        HealthCheck = false;
        return this;
    }

    /// <summary>
    /// Whether a start-up failure sets <see cref="Environment.ExitCode"/> (to <see cref="ActorsExitCodes"/>); on by
    /// default. Turn it off when several hosts share a process, as in tests.
    /// </summary>
    /// <param name="enabled">Whether to set the exit code.</param>
    /// <returns>This builder.</returns>
    public ActorsBuilder SetExitCodeOnFailure(bool enabled)
    {
        SetsExitCode = enabled;
        return this;
    }

    internal bool IsFrozen => _frozen;

    internal void Freeze() => _frozen = true;

    internal sealed record ConfigSource(Config? Config, string? Path, bool Optional);
}
