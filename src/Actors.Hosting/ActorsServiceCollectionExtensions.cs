using Actors.Hosting.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Actors.Hosting;

/// <summary>Registers a hosted actor system in a service collection.</summary>
public static class ActorsServiceCollectionExtensions
{
    /// <summary>The name the actor system's health check is registered under.</summary>
    public const string HealthCheckName = "actors";

    /// <summary>
    /// Registers an actor system that starts with the host and stops with it: <see cref="ActorRegistry"/>,
    /// <see cref="IRequiredActor{TKey}"/>, <see cref="ActorSystem"/> (resolvable once started), the hosted service and
    /// the health check <c>actors</c> (tags <c>live</c>, <c>actors</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="actorSystemName">The system's name.</param>
    /// <param name="configure">Configures the system; runs now.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="InvalidOperationException">An actor system is already registered.</exception>
    public static IServiceCollection AddActors(this IServiceCollection services, string actorSystemName, Action<ActorsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ActorsBuilder builder = Begin(services, actorSystemName);
        configure(builder);
        return Register(services, builder, null);
    }

    /// <summary>
    /// Registers an actor system whose configuration needs the host's services; <paramref name="configure"/> runs when
    /// the host starts, so it cannot change service registrations (such as <see cref="ActorsBuilder.WithoutHealthCheck"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="actorSystemName">The system's name.</param>
    /// <param name="configure">Configures the system; runs when the host starts.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="InvalidOperationException">An actor system is already registered.</exception>
    public static IServiceCollection AddActors(this IServiceCollection services, string actorSystemName, Action<ActorsBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, Begin(services, actorSystemName), configure);
    }

    private static ActorsBuilder Begin(IServiceCollection services, string actorSystemName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(actorSystemName);
        if (services.Any(d => d.ServiceType == typeof(ActorsRuntime)))
        {
            throw new InvalidOperationException("AddActors was already called: a host runs one actor system.");
        }

        return new ActorsBuilder(actorSystemName, services);
    }

    private static IServiceCollection Register(IServiceCollection services, ActorsBuilder builder, Action<ActorsBuilder, IServiceProvider>? late)
    {
        var runtime = new ActorsRuntime();
        services.AddSingleton(runtime);
        services.AddSingleton(new ActorsSetup(builder, late));
        services.AddSingleton(sp => new ActorRegistry(sp.GetService<TimeProvider>()));
        services.AddSingleton(typeof(IRequiredActor<>), typeof(RequiredActor<>));
        services.AddSingleton<ActorSystem>(_ => runtime.System ?? throw new InvalidOperationException(
            $"The actor system '{builder.ActorSystemName}' is not started yet (it starts with the host, status {runtime.Status}): " +
            "inject IRequiredActor<TKey> or ActorRegistry and await GetAsync instead."));
        services.AddHostedService<ActorsHostedService>();
        if (builder.HealthCheck)
        {
            services.AddHealthChecks().Add(new HealthCheckRegistration(
                HealthCheckName,
                sp => new ActorSystemHealthCheck(sp.GetRequiredService<ActorsRuntime>()),
                failureStatus: null,
                tags: ["live", "actors"]));
        }

        return services;
    }
}
