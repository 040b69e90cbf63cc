using Actors.Hocon;
using Actors.Hosting.Resilience;
using Actors.Resilience;

namespace Actors.Hosting;

/// <summary>Starts the resilience layer (<c>/user/units</c>, <c>/user/health</c>, <c>/user/errors</c>, <c>/user/memory</c>) with the hosted actor system.</summary>
public static class ResilienceActorsBuilderExtensions
{
    /// <summary>
    /// Starts a <see cref="ResilienceRuntime"/> once the actor system is up, with options read from the system's
    /// configuration by <see cref="ResilienceOptions.FromConfig"/> and then changed by <paramref name="configure"/>
    /// (typically to add unit kinds: <c>options.Kinds.Add(UnitKindConfig.Read(config, "session", id => ...))</c>).
    /// The runtime is resolvable from DI once the host has started. Calling it again adds another
    /// <paramref name="configure"/>; one runtime is started.
    /// </summary>
    /// <param name="builder">The actors builder.</param>
    /// <param name="configure">Changes the options; receives the system's configuration.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Called from the <c>(builder, serviceProvider)</c> overload of <c>AddActors</c>.</exception>
    public static ActorsBuilder WithResilience(this ActorsBuilder builder, Action<ResilienceOptions, Config>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ResilienceHost host = ResilienceHost.Get(builder, nameof(WithResilience));
        if (configure is not null)
        {
            host.Configure.Add(configure);
        }

        return builder;
    }
}
