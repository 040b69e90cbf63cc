using Akka.Hosting;

namespace Actors.Cmd;

/// <summary>The Akka.Hosting extension that adds the command server (<c>/system/cmd</c>, served to <c>pbm</c>) to an actor system.</summary>
public static class CmdHostingExtensions
{
    /// <summary>
    /// Starts the command server when the actor system starts: settings from <c>actors.cmd</c> of the system's
    /// configuration (defaults in this assembly's <c>reference.conf</c>), then <paramref name="configure"/>. The built-in
    /// palettes are registered, and the resilience palettes as soon as the system runs a resilience runtime
    /// (<c>ResilienceRuntime.Get(system)</c>), whichever starts first. The server actor is registered in the
    /// <see cref="ActorRegistry"/> under <see cref="CommandServer"/>; <see cref="CommandServer.Get"/> finds the server.
    /// </summary>
    /// <remarks>
    /// An invalid or busy port fails the start with a <see cref="CmdServerConfigurationException"/> whose message names
    /// host:port and the fix; a host maps it to its configuration-error exit code (78).
    /// </remarks>
    /// <example>
    /// <code>
    /// services.AddAkka("node", (akka, sp) =&gt; akka
    ///     .WithCmd(cmd =&gt; cmd.Palettes.Add(myPalette)));
    /// </code>
    /// </example>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Changes the settings read from HOCON (for example a token or palettes of the application).</param>
    /// <returns>The same builder.</returns>
    public static AkkaConfigurationBuilder WithCmd(this AkkaConfigurationBuilder builder, Action<CmdServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithActors((ActorStarter)(async (system, registry) =>
        {
            CmdServerOptions options = CmdServerOptions.FromConfig(system.Settings.Config);
            configure?.Invoke(options);
            CommandServer server = await CommandServer.StartAsync(system, options).ConfigureAwait(false);
            registry.Register<CommandServer>(server.Actor);
        }));
    }

    /// <summary>
    /// Registers a palette of a workload with the command server once the system has started, in any order with
    /// <see cref="WithCmd"/> (the server starts with the actors, the palette after every actor starter has run).
    /// Without <see cref="WithCmd"/> nothing is registered.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="create">Creates the palette from the running system.</param>
    /// <returns>The same builder.</returns>
    public static AkkaConfigurationBuilder WithCmdPalette(this AkkaConfigurationBuilder builder, Func<ActorSystem, CommandPalette> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(create);
        return builder.AddStartup((system, _) => CommandServer.Get(system)?.Register(create(system)));
    }
}
