using Actors.Chaos.BuiltIn;
using Actors.Chaos.Configuration;
using Actors.Chaos.Monkey;
using Actors.Cmd;
using Actors.Hosting;
using Akka.Hosting;

namespace Actors.Chaos.Hosting;

/// <summary>The Akka.Hosting extension that adds chaos on demand.</summary>
public static class ChaosHostingExtensions
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AkkaConfigurationBuilder, object> s_added = new();

    /// <summary>
    /// Reads <c>actors.chaos</c> (a bad value fails start-up with exit code 78 and file:line), registers the library's
    /// faults (<c>worker-exception</c>, <c>memory-pressure</c>) and then <paramref name="configure"/>'s, starts the
    /// monkey at <c>/user/chaos</c> (injecting at once when <c>enabled-at-start = on</c>), adds the admin routes
    /// <c>GET /admin/chaos</c>, <c>POST /admin/chaos/start?rate=</c> and <c>POST /admin/chaos/stop</c>, and the
    /// <c>chaos</c> palette of <c>pbm</c> (<c>start [--rate N]</c>, <c>stop</c>, <c>status</c>). At shutdown chaos is
    /// stopped first, so standing faults are cleared.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Adds faults (<see cref="ChaosOptions.AddFault"/>) and changes the options after they are read.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Called twice on one builder (an actor system has one monkey: add faults in one <paramref name="configure"/>).</exception>
    public static AkkaConfigurationBuilder WithChaos(this AkkaConfigurationBuilder builder, Action<ChaosOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!s_added.TryAdd(builder, new object()))
        {
            throw new InvalidOperationException("WithChaos was already called: an actor system has one chaos monkey; register every fault in one configure callback.");
        }

        ChaosOptions? options = null;
        builder.WithResilience((_, config) =>
        {
            ChaosOptions o = ChaosOptions.FromConfig(config);
            o.AddFault(new WorkerExceptionFault(o.WorkerException));
            o.AddFault(new MemoryPressureFault(o.MemoryPressure));
            configure?.Invoke(o);
            try
            {
                o.Validate();
            }
            catch (ArgumentException e)
            {
                throw new HoconException(e.Message, (string?)null, 0, 0, ChaosOptions.Path);
            }

            options = o;
        });
        builder.WithActors((system, _) =>
        {
            ChaosRuntime runtime = ChaosRuntime.Start(system, options!);
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "actors-chaos-stop", async () =>
            {
                try
                {
                    await runtime.StopAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
                {
                    system.Log.Warning("Chaos did not finish clearing its faults at shutdown: {0}", e.Message);
                }

                return Akka.Done.Instance;
            });
        });
        builder.WithCmdPalette(ChaosPalette.Create);
        builder.WithAdminRoutes(ChaosRoutes.RouteSet);
        return builder;
    }
}
