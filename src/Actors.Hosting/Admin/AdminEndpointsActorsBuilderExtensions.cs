using Actors.Hosting.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Admin;

/// <summary>Adds the admin HTTP endpoints to a hosted actor system.</summary>
public static class AdminEndpointsActorsBuilderExtensions
{
    /// <summary>
    /// Serves the admin HTTP endpoints over the resilience layer (started as by
    /// <see cref="ResilienceActorsBuilderExtensions.WithResilience"/>): <c>GET /health</c>, <c>GET /health/detailed</c>,
    /// <c>GET /health/watch</c> (server-sent events), <c>GET /admin/errors</c>, <c>GET /admin/memory</c>,
    /// <c>POST /admin/cleanup</c>, <c>POST /admin/emergency</c>, <c>GET /units</c>, <c>GET /units/{kind}</c>,
    /// <c>GET /units/{kind}/{id}</c>, <c>GET /breakers</c>, <c>GET /breakers/{kind}</c>, <c>POST /units/{kind}/{id}/reset-breaker</c> and
    /// <c>POST /units/{kind}/reset-breakers</c>. Options come from <c>actors.admin</c>, then
    /// <paramref name="configure"/>. They listen once the host has started; resolve <see cref="AdminEndpoints"/> for the
    /// bound URL. Bound to a non-loopback address without a token, the host does not start (exit code 78).
    /// </summary>
    /// <param name="builder">The actors builder.</param>
    /// <param name="configure">Changes the options read from configuration.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Called twice, or from the <c>(builder, serviceProvider)</c> overload of <c>AddActors</c>.</exception>
    public static ActorsBuilder AddAdminEndpoints(this ActorsBuilder builder, Action<AdminEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ResilienceHost resilience = ResilienceHost.Get(builder, nameof(AddAdminEndpoints));
        if (builder.Services.Any(d => d.ServiceType == typeof(AdminEndpoints)))
        {
            throw new InvalidOperationException("AddAdminEndpoints was already called: a host serves one set of admin endpoints.");
        }

        var endpoints = new AdminEndpoints();
        builder.Services.AddSingleton(endpoints);
        builder.Services.AddSingleton<IHostedService>(sp => new AdminServer(
            endpoints,
            resilience,
            sp.GetRequiredService<ActorsRuntime>(),
            builder,
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILoggerFactory>()));
        builder.WithActors((system, _) => endpoints.Options = AdminServer.ReadOptions(system.Settings.Config, configure));
        return builder;
    }
}
