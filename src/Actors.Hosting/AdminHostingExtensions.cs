using Actors.Hosting.Admin;
using Actors.Hosting.Configuration;
using Actors.Resilience;

namespace Actors.Hosting;

/// <summary>The admin HTTP endpoints of the resilience layer on an Akka.Hosting actor system.</summary>
public static class AdminHostingExtensions
{
    /// <summary>
    /// Serves the admin HTTP endpoints (ASP.NET Core on its own Kestrel, loopback by default) over the resilience
    /// layer of <see cref="ResilienceHostingExtensions.WithResilience"/>: <c>GET /health</c>, <c>/health/detailed</c>,
    /// <c>/health/watch</c> (server-sent events), <c>/admin/errors</c>, <c>/admin/memory</c>, <c>/units</c>,
    /// <c>/units/{kind}</c>, <c>/units/{kind}/{id}</c>, <c>/breakers</c>, <c>/breakers/{kind}</c>; <c>POST
    /// /admin/cleanup</c>, <c>/admin/emergency</c>, <c>/units/{kind}/{id}/reset-breaker</c>,
    /// <c>/units/{kind}/reset-breakers</c>. Lists answer one page (<c>?limit=&amp;offset=</c>) with the total; errors
    /// are RFC 7807 problems, never stack traces; every POST needs <c>Authorization: Bearer &lt;token&gt;</c>, and away
    /// from loopback every request does. The options are read now from <c>actors.admin</c>, then changed by
    /// <paramref name="configure"/>, and checked (a non-loopback address without a token, a bad or busy port fail
    /// start-up with exit code 78 before the system exists). The endpoints listen before the host's start-up
    /// completes and stop first at shutdown; <see cref="AdminEndpoints.Get"/> gives the bound URL.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Changes the options read from configuration.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="HoconException">An option is invalid; the message names the key and, when it was written in a file, its position.</exception>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public static AkkaConfigurationBuilder WithAdminEndpoints(this AkkaConfigurationBuilder builder, Action<AdminEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        HostingState state = HostingState.Of(builder);
        if (state.AdminEndpoints)
        {
            throw new InvalidOperationException("WithAdminEndpoints was already called: an actor system serves one set of admin endpoints.");
        }

        state.AdminEndpoints = true;
        Config config = state.ReadBy(nameof(WithAdminEndpoints));
        AdminEndpointOptions options = AdminEndpointOptions.FromConfig(config);
        if (configure is not null)
        {
            configure(options);
            options.Validate(config);
        }

        AdminServer.CheckPortIsFree(options, config);
        var endpoints = new AdminEndpoints(options);
        return builder.AddStartup(async (system, _) =>
        {
            system.WithExtension<AdminEndpointsExtension>(typeof(AdminEndpointsExtensionId)).TrySet(endpoints);
            if (!options.Enabled)
            {
                Logging.GetLogger(system, "Actors.Hosting.Admin").Info("Admin endpoints are disabled (actors.admin.enabled = off)");
                endpoints.NotStarted();
                return;
            }

            ResilienceRuntime runtime = ResilienceRuntime.Get(system) ?? throw new InvalidOperationException(
                "WithAdminEndpoints serves the resilience layer: call WithResilience() (or WithUnitKind) in AddAkka as well.");
            AdminServer server = await AdminServer.StartAsync(system, runtime, endpoints, state.AdminRoutes, CancellationToken.None).ConfigureAwait(false);
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "actors-admin-endpoints", async () =>
            {
                await server.StopAsync().ConfigureAwait(false);
                return Akka.Done.Instance;
            });
        });
    }

    /// <summary>
    /// Adds a workload's routes to the admin endpoints, in any order with <see cref="WithAdminEndpoints"/>: they are
    /// mapped when the endpoints start (after every actor starter has run), behind the same token policy (reads open
    /// on loopback, every POST needs the token), with the same JSON options and failure handling (a route that throws
    /// answers a 500 problem without a stack trace; an actor that does not answer in time, a 503). Without
    /// <see cref="WithAdminEndpoints"/> the routes are not served.
    /// </summary>
    /// <example>
    /// <code>
    /// akka.WithAdminRoutes(new AdminRouteSet("GET /hello", (app, system) =&gt; app.MapGet("/hello", () =&gt; "hi")));
    /// </code>
    /// </example>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="routes">The routes.</param>
    /// <returns>The builder.</returns>
    public static AkkaConfigurationBuilder WithAdminRoutes(this AkkaConfigurationBuilder builder, AdminRouteSet routes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(routes);
        HostingState.Of(builder).AdminRoutes.Add(routes);
        return builder;
    }
}
