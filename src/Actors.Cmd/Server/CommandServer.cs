using System.Net;
using System.Runtime.CompilerServices;

namespace Actors.Cmd;

/// <summary>
/// The command server of one actor system: an actor at <c>/system/cmd</c> that accepts pbm clients over TCP, and the
/// registry of palettes it serves. Start it with <see cref="StartAsync"/>; it stops with the system or with
/// <see cref="StopAsync"/>.
/// </summary>
/// <remarks>
/// Threading: the actor only binds and unbinds the listener. Connections are served by async I/O on the thread pool and
/// command handlers run there too, so a slow or vanished client never occupies a dispatcher thread; each connection's
/// outgoing frames wait in a bounded queue and a client that lets it fill is disconnected.
/// </remarks>
public sealed class CommandServer
{
    private static readonly ConditionalWeakTable<ActorSystem, CommandServer> s_servers = new();
    private readonly PaletteRegistry _registry = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connections;
    private IActorRef? _actor;
    private IPEndPoint? _endpoint;

    private CommandServer(ActorSystem system, CmdServerOptions options)
    {
        System = system;
        Options = options;
    }

    /// <summary>The system the server runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>The settings it was started with.</summary>
    public CmdServerOptions Options { get; }

    /// <summary>The server actor (<c>/system/cmd</c>).</summary>
    public IActorRef Actor => _actor ?? throw new InvalidOperationException("The command server has not started.");

    /// <summary>The address and port it listens on (the real port when 0 was configured).</summary>
    public IPEndPoint Endpoint => _endpoint ?? throw new InvalidOperationException("The command server has not bound its endpoint yet.");

    /// <summary>The palettes clients can download, by name.</summary>
    public IReadOnlyList<PaletteDescriptor> Palettes => _registry.Descriptors();

    /// <summary>How many clients are connected.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Completes when the server actor has stopped and the listener is closed.</summary>
    public Task WhenStopped => _stopped.Task;

    internal PaletteRegistry Registry => _registry;

    /// <summary>The in-memory ring of recent log events (<c>/system/cmd/log</c>); set before the endpoint is bound.</summary>
    internal IActorRef LogBuffer { get; set; } = ActorRefs.Nobody;

    /// <summary>Starts the command server of <paramref name="system"/> and waits until it listens.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">The options are invalid (for example a non-loopback host without a token).</exception>
    /// <exception cref="InvalidOperationException">The system already runs a command server.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The endpoint could not be bound.</exception>
    public static async Task<CommandServer> StartAsync(ActorSystem system, CmdServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= new CmdServerOptions();
        options.Validate();
        var server = new CommandServer(system, options);
        lock (s_servers)
        {
            if (s_servers.TryGetValue(system, out CommandServer? existing) && !existing.WhenStopped.IsCompleted)
            {
                throw new InvalidOperationException($"{system} already runs a command server at {existing._endpoint}.");
            }

            s_servers.AddOrUpdate(system, server);
        }

        if (options.RegisterBuiltInPalettes)
        {
            server.Register(BuiltIn.ActorPalette.Create());
            server.Register(BuiltIn.LogPalette.Create());
            server.Register(BuiltIn.SystemPalette.Create());
        }

        var bound = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        server._actor = ((ActorSystemImpl)system).SystemActorOf(Props.Create(() => new CommandServerActor(server, bound)), "cmd");
        try
        {
            server._endpoint = await bound.Task.ConfigureAwait(false);
        }
        catch
        {
            lock (s_servers)
            {
                s_servers.Remove(system);
            }

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
        lock (s_servers)
        {
            return s_servers.TryGetValue(system, out CommandServer? server) && !server.WhenStopped.IsCompleted ? server : null;
        }
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

    internal void OnStopped() => _stopped.TrySetResult();

    /// <inheritdoc/>
    public override string ToString() => $"CommandServer({System.Name}, {_endpoint})";
}
