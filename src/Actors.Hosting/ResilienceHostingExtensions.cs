using Actors.Hosting.Configuration;
using Actors.Hosting.HealthChecks;
using Actors.Resilience;
using Actors.Resilience.Configuration;
using Actors.Resilience.Units;

namespace Actors.Hosting;

/// <summary>The resilience layer (units of work, health aggregator, error journal, memory guard) on an Akka.Hosting actor system.</summary>
public static class ResilienceHostingExtensions
{
    /// <summary>The name <see cref="WithResilienceHealthCheck"/> registers its check under by default.</summary>
    public const string HealthCheckName = "actors-resilience";

    /// <summary>
    /// Starts a <see cref="ResilienceRuntime"/> with the actor system (<c>/user/units</c>, <c>/user/health</c>,
    /// <c>/user/errors</c>, <c>/user/memory</c>), as a starter that runs before the starters added after this call,
    /// and registers <c>/user/units</c> in the <see cref="ActorRegistry"/> under <see cref="ResilienceUnits"/>. The
    /// options are read now, in the <c>AddAkka</c> callback, from the configuration loaded by
    /// <see cref="StrictHoconHostingExtensions.AddStrictHoconFile"/> (<c>actors.health</c>, <c>actors.errors</c>,
    /// <c>actors.memory</c>, <c>actors.resilience</c>), then changed by <paramref name="configure"/>, so a bad value
    /// fails start-up (exit code 78) before the system exists. Calling it again applies another
    /// <paramref name="configure"/> to the same options; one runtime starts. Reach it with
    /// <see cref="ResilienceRuntime.Get"/>, or from DI after
    /// <see cref="ResilienceServiceCollectionExtensions.AddResilienceRuntime"/>.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Changes the options; receives the whole configuration (your own keys included).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="HoconException">A value is of the wrong type or out of range; the message names file:line:column and the path.</exception>
    public static AkkaConfigurationBuilder WithResilience(this AkkaConfigurationBuilder builder, Action<ResilienceOptions, Config>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        HostingState state = HostingState.Of(builder);
        ResilienceOptions options = Ensure(builder, state);
        if (configure is not null)
        {
            configure(options, state.ReadBy(nameof(WithResilience)));
            options.Validate();
        }

        return builder;
    }

    /// <summary>
    /// Adds a unit kind, read now from <c>actors.units.&lt;kind&gt;</c> (falling back key by key to
    /// <c>actors.units.default</c>), with <paramref name="workerProps"/> creating each instance's worker. Starts the
    /// resilience layer as <see cref="WithResilience"/> does if it was not added yet.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="kind">The kind's name (<c>session</c>, <c>prediction</c>, <c>feed</c> or one of your own).</param>
    /// <param name="workerProps">Creates the worker of the instance with the given id.</param>
    /// <param name="configure">Changes the kind's options after they are read.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="HoconException">A value of the kind is of the wrong type or out of range; the message names file:line:column and the path.</exception>
    /// <exception cref="ArgumentException">The kind was already added.</exception>
    public static AkkaConfigurationBuilder WithUnitKind(this AkkaConfigurationBuilder builder, string kind, Func<string, Props> workerProps, Action<UnitKindOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(workerProps);
        HostingState state = HostingState.Of(builder);
        ResilienceOptions options = Ensure(builder, state);
        UnitKindOptions unit = UnitKindConfig.Read(state.ReadBy(nameof(WithUnitKind)), kind, workerProps);
        configure?.Invoke(unit);
        unit.Validate();
        if (options.Kinds.Any(k => k.Kind == unit.Kind))
        {
            throw new ArgumentException($"The unit kind '{unit.Kind}' was already added.", nameof(kind));
        }

        options.Kinds.Add(unit);
        return builder;
    }

    /// <summary>
    /// Registers the health aggregator's verdict as a <c>Microsoft.Extensions.Diagnostics.HealthChecks</c> check
    /// beside Akka.Hosting's own (they take effect once the application calls <c>services.AddHealthChecks()</c>):
    /// healthy → Healthy, warning → Degraded, critical → Unhealthy; a snapshot served stale because the aggregator did
    /// not answer is at most Degraded. The data carry the score, the reasons and the snapshot's age.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="tags">The check's tags; <c>ready</c> and <c>actors</c> when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static AkkaConfigurationBuilder WithResilienceHealthCheck(this AkkaConfigurationBuilder builder, string name = HealthCheckName, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.WithHealthCheck(name, new ResilienceHealthCheck(), failureStatus: null, tags: tags ?? ["ready", "actors"]);
    }

    private static ResilienceOptions Ensure(AkkaConfigurationBuilder builder, HostingState state)
    {
        if (state.Resilience is { } existing)
        {
            return existing;
        }

        ResilienceOptions options = ResilienceOptions.FromConfig(state.ReadBy(nameof(WithResilience)));
        state.Resilience = options;
        builder.WithActors((system, registry) =>
        {
            ResilienceRuntime runtime = ResilienceRuntime.Start(system, options);
            registry.Register<ResilienceUnits>(runtime.Units);
        });
        return options;
    }
}
