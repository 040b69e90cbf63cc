using System.Net;
using System.Net.Sockets;
using Actors.Resilience;

namespace Actors.Cmd;

/// <summary>
/// The command server of one actor system: an actor at <c>/system/cmd</c> (started with
/// <see cref="ExtendedActorSystem.SystemActorOf(Props, string)"/>) that accepts pbm clients over TCP, and the registry
/// of palettes it serves. Start it with <see cref="StartAsync"/> or with the Akka.Hosting extension
/// <c>WithCmd</c>; it stops with the system or with <see cref="StopAsync"/>.
/// </summary>
/// <remarks>
/// Threading: the listener is bound by <see cref="StartAsync"/> before the actor exists, so a busy or invalid port
/// fails there with a <see cref="CmdServerConfigurationException"/> and never as an actor failure. The actor owns the
/// listener and the log ring from then on. Connections are served by async I/O on the thread pool and command handlers
/// run there too, so a slow or vanished client never occupies a dispatcher thread; each connection's outgoing frames
/// wait in a bounded queue and a client that lets it fill is disconnected.
/// </remarks>
public sealed class CommandServer
{
    private readonly PaletteRegistry _registry = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _resilienceGate = new();
    private int _connections;
    private bool _resiliencePalettes;
    private IActorRef? _actor;

    private CommandServer(ActorSystem system, CmdServerOptions options, IPEndPoint endpoint)
    {
        System = system;
        Options = options;
        Endpoint = endpoint;
        IsLoopback = IPAddress.IsLoopback(endpoint.Address);
    }

    /// <summary>The system the server runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>The settings it was started with.</summary>
    public CmdServerOptions Options { get; }

    /// <summary>The server actor (<c>/system/cmd</c>).</summary>
    public IActorRef Actor => _actor ?? throw new InvalidOperationException("The command server has not started.");

    /// <summary>The address and port it listens on (the real port when 0 was configured).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The palettes clients can download, by name.</summary>
    public IReadOnlyList<PaletteDescriptor> Palettes
    {
        get
        {
            EnsureResiliencePalettes();
            return _registry.Descriptors();
        }
    }

    /// <summary>How many clients are connected.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Completes when the server actor has stopped and the listener is closed.</summary>
    public Task WhenStopped => _stopped.Task;

    /// <summary>Whether the server listens on a loopback address only (then reads need no token).</summary>
    internal bool IsLoopback { get; }

    internal PaletteRegistry Registry => _registry;

    /// <summary>Cancelled when the server stops: ends the accept loop and every connection.</summary>
    internal CancellationTokenSource Lifetime { get; } = new();

    /// <summary>The in-memory ring of recent log events (<c>/system/cmd/log</c>); set by the actor before it accepts clients.</summary>
    internal IActorRef LogBuffer { get; set; } = ActorRefs.Nobody;

    /// <summary>Starts the command server of <paramref name="system"/> and waits until it listens.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="options">Settings; when <see langword="null"/>, <c>actors.cmd</c> of <c>system.Settings.Config</c> (or the defaults).</param>
    /// <returns>The running server.</returns>
    /// <exception cref="CmdServerConfigurationException">
    /// The settings are invalid (a port out of range, a non-loopback host without a token...) or the endpoint cannot be
    /// bound (the port is in use, the host is not an address of this machine); the message names host:port and the fix.
    /// </exception>
    /// <exception cref="InvalidOperationException">The system already runs a command server.</exception>
    public static async Task<CommandServer> StartAsync(ActorSystem system, CmdServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system is not ExtendedActorSystem extended)
        {
            throw new ArgumentException("The command server needs an ExtendedActorSystem (any ActorSystem made by ActorSystem.Create).", nameof(system));
        }

        options ??= CmdServerOptions.FromConfig(system.Settings.Config);
        options.Validate();
        CmdExtension extension = system.WithExtension<CmdExtension>(typeof(CmdExtensionId));
        if (extension.Server is { } running)
        {
            throw new InvalidOperationException($"The actor system '{system.Name}' already runs a command server at {running.Endpoint}; call CommandServer.Get(system) to reach it.");
        }

        Socket listener = Bind(options);
        var server = new CommandServer(system, options, (IPEndPoint)listener.LocalEndPoint!);
        if (extension.TrySet(server) is { } raced)
        {
            listener.Dispose();
            throw new InvalidOperationException($"The actor system '{system.Name}' already runs a command server at {raced.Endpoint}.");
        }

        try
        {
            if (options.RegisterBuiltInPalettes)
            {
                server.Register(BuiltIn.ActorPalette.Create());
                server.Register(BuiltIn.LogPalette.Create());
                server.Register(BuiltIn.SystemPalette.Create());
            }

            foreach (CommandPalette palette in options.Palettes)
            {
                server.Register(palette);
            }

            server.EnsureResiliencePalettes();
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server._actor = extended.SystemActorOf(Props.Create(() => new CommandServerActor(server, listener, started)), "cmd");
            await started.Task.ConfigureAwait(false);
        }
        catch
        {
            listener.Dispose();
            extension.Clear(server);
            server._stopped.TrySetResult();
            throw;
        }

        return server;
    }

    /// <summary>The running command server of <paramref name="system"/>, if any.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The server, or <see langword="null"/>.</returns>
    public static CommandServer? Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<CmdExtension>(typeof(CmdExtensionId)).Server;
    }

    /// <summary>Registers a palette, replacing one of the same name. Clients see it on their next palette download.</summary>
    /// <param name="palette">The palette.</param>
    public void Register(CommandPalette palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        _registry.Register(palette);
    }

    /// <summary>Removes a palette. Commands of it already running finish.</summary>
    /// <param name="name">The palette's name.</param>
    /// <returns>Whether it was registered.</returns>
    public bool Unregister(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _registry.Unregister(name);
    }

    /// <summary>Stops the server actor, closing the listener and every connection.</summary>
    /// <returns>Completes when stopped.</returns>
    public Task StopAsync()
    {
        if (_actor is not null)
        {
            System.Stop(_actor);
        }

        return WhenStopped;
    }

    /// <summary>
    /// Registers the resilience palettes once the system runs a resilience runtime. Called at start and before palettes
    /// are listed or looked up, so the order in which the runtime and the server start does not matter.
    /// </summary>
    internal void EnsureResiliencePalettes()
    {
        if (!Options.RegisterResiliencePalettes || Volatile.Read(ref _resiliencePalettes))
        {
            return;
        }

        if (ResilienceRuntime.Get(System) is { } runtime)
        {
            lock (_resilienceGate)
            {
                if (!_resiliencePalettes)
                {
                    ResiliencePalettes.Register(this, runtime);
                }
            }
        }
    }

    /// <summary>Records that the resilience palettes are registered (by <see cref="ResiliencePalettes.Register"/>).</summary>
    internal void MarkResiliencePalettesRegistered() => Volatile.Write(ref _resiliencePalettes, true);

    internal bool TryAddConnection()
    {
        if (Interlocked.Increment(ref _connections) <= Options.MaxConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _connections);
        return false;
    }

    internal void RemoveConnection() => Interlocked.Decrement(ref _connections);

    /// <summary>Raised (on the thread that found the queue full) with the client's endpoint when a client too slow to read its frames is dropped.</summary>
    internal event Action<string>? SlowClientDropped;

    internal void OnSlowClientDropped(string remote) => SlowClientDropped?.Invoke(remote);

    internal void OnStopped()
    {
        System.WithExtension<CmdExtension>(typeof(CmdExtensionId)).Clear(this);
        _stopped.TrySetResult();
    }

    /// <inheritdoc/>
    public override string ToString() => $"CommandServer({System.Name}, {Endpoint})";

    /// <summary>Binds the listening socket, turning every failure into a message that names host:port and the fix.</summary>
    private static Socket Bind(CmdServerOptions options)
    {
        string endpoint = CmdServerOptions.FormatEndpoint(options.Host, options.Port);
        IPAddress address = ResolveHost(options.Host, endpoint);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(address, options.Port));
            listener.Listen(512);
            return listener;
        }
        catch (SocketException e)
        {
            listener.Dispose();
            string why = e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "the port is already in use (another node, or another copy of this one?)",
                SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
                SocketError.AddressNotAvailable => $"{options.Host} is not an address of this machine (set actors.cmd.host)",
                _ => e.Message,
            };
            throw new CmdServerConfigurationException(
                "actors.cmd.port",
                endpoint,
                $"The command server cannot listen on {endpoint}: {why}. To fix it, {CmdServerOptions.PortHint}.",
                e);
        }
    }

    private static IPAddress ResolveHost(string host, string endpoint)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address))
        {
            return address;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        try
        {
            IPAddress[] addresses = Dns.GetHostAddresses(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new CmdServerConfigurationException("actors.cmd.host", endpoint, $"actors.cmd.host = {host} resolves to no address, so the command server cannot listen on {endpoint}: set actors.cmd.host to an address of this machine.");
        }
        catch (SocketException e)
        {
            throw new CmdServerConfigurationException("actors.cmd.host", endpoint, $"actors.cmd.host = {host} does not resolve ({e.Message}), so the command server cannot listen on {endpoint}: set actors.cmd.host to an address of this machine.", e);
        }
    }
}
