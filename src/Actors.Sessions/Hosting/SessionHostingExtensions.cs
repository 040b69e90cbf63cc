using Actors.Cmd;
using Actors.Hosting;
using Actors.Resilience;
using Actors.Resilience.Configuration;
using Actors.Resilience.Units;
using Actors.Sessions.Cmd;
using Actors.Sessions.Configuration;
using Actors.Sessions.Http;
using Akka.Hosting;

namespace Actors.Sessions.Hosting;

/// <summary>Akka.Hosting extension that adds the session gateway.</summary>
public static class SessionHostingExtensions
{
    /// <summary>
    /// Adds the session gateway: reads <c>actors.sessions</c> and <c>actors.units.session</c> (call
    /// <c>AddStrictHoconFile</c> first), puts the outboxes' journal on Akka.Persistence.Sql (SQLite under
    /// <c>./data</c> by default, PostgreSQL with <c>outbox.store = postgresql</c>), starts the <c>session</c> unit kind
    /// with the resilience layer, maps the session routes on the admin endpoints (<c>WithAdminEndpoints</c>) and
    /// registers the <c>sessions</c> palette with the command server (<c>WithCmd</c>).
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Changes the options after they are read (e.g. sets the upstream).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="HoconException">A value is wrong, or no upstream is set; the message names the key.</exception>
    public static AkkaConfigurationBuilder WithSessions(this AkkaConfigurationBuilder builder, Action<SessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        SessionOptions options = null!;
        UnitKindOptions kind = null!;
        builder.WithResilience((_, config) =>
        {
            options = SessionConfigReader.Read(config);
            configure?.Invoke(options);
            options.Validate();
            if (options.Upstream is null)
            {
                throw new HoconException("no upstream: set actors.sessions.upstream (ACTORS__SESSIONS__UPSTREAM) to the upstream's ws:// address", null, 0, 0, "actors.sessions.upstream");
            }

            kind = UnitKindConfig.Read(config, SessionGateway.Kind, static _ => Props.Empty);
        });
        builder.AddHocon(SessionPersistenceConfig.Build(options), HoconAddMode.Prepend);
        builder.WithActors((ActorStarter)(async (system, registry) =>
        {
            ResilienceRuntime runtime = ResilienceRuntime.Get(system) ?? throw new InvalidOperationException("The resilience runtime did not start before the session gateway.");
            SessionGateway gateway = await SessionGateway.StartAsync(system, runtime, options, kind).ConfigureAwait(false);
            registry.Register<SessionGateway>(gateway.Outboxes);
        }));
        builder.WithAdminRoutes(SessionRoutes.Create());
        builder.WithCmdPalette(system => SessionPalette.Create(SessionGateway.Get(system) ?? throw new InvalidOperationException("The session gateway is not running.")));
        return builder;
    }
}
