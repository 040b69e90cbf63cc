using Microsoft.Extensions.Hosting;

namespace Actors.Hosting;

/// <summary>Registers a hosted actor system on an <see cref="IHostApplicationBuilder"/>, reading its configuration.</summary>
public static class ActorsHostApplicationBuilderExtensions
{
    /// <summary>
    /// Registers an actor system (see <see cref="ActorsServiceCollectionExtensions.AddActors(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Action{ActorsBuilder})"/>)
    /// that reads the <c>actors</c> section of the builder's configuration (environment variables <c>ACTORS__A__B</c>).
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="actorSystemName">The system's name.</param>
    /// <param name="configure">Configures the system.</param>
    /// <returns>The host builder.</returns>
    public static TBuilder AddActors<TBuilder>(this TBuilder builder, string actorSystemName, Action<ActorsBuilder> configure)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddActors(actorSystemName, actors =>
        {
            actors.WithConfiguration(builder.Configuration);
            configure(actors);
        });
        return builder;
    }
}
