using Actors.Resilience;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Hosting;

/// <summary>Makes the resilience layer resolvable from dependency injection.</summary>
public static class ResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ResilienceRuntime"/> as a singleton: the runtime that
    /// <see cref="ResilienceHostingExtensions.WithResilience"/> started on the Akka.Hosting actor system. Akka.Hosting
    /// runs the <c>AddAkka</c> callback only when the system is first resolved, after the container is built, so a
    /// builder extension cannot add this registration itself. Resolve it after the host has started.
    /// </summary>
    /// <param name="services">The service collection (with <c>AddAkka</c>).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddResilienceRuntime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => ResilienceRuntime.Get(sp.GetRequiredService<ActorSystem>())
            ?? throw new InvalidOperationException("The actor system runs no resilience runtime: call WithResilience() in AddAkka, and resolve it after the host has started."));
        return services;
    }
}
