using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Actors.Cmd;

/// <summary>
/// <c>/system/cmd</c>: owns the listening socket (bound before it starts), the log ring child and the short-lived
/// children that collect <see cref="ActorIdentity"/> answers for <c>actor hierarchy</c> and <c>actor stat</c>. The
/// accept loop runs on the thread pool and touches no actor state; stopping the actor cancels it and every connection.
/// A restart (it has no reason to fail) keeps the listener, the children and the connections.
/// </summary>
internal sealed class CommandServerActor : ReceiveActor
{
    private readonly CommandServer _server;
    private readonly Socket _listener;
    private readonly TaskCompletionSource _started;
    private long _collectors;

    public CommandServerActor(CommandServer server, Socket listener, TaskCompletionSource started)
    {
        _server = server;
        _listener = listener;
        _started = started;
        Receive<SpawnIdentityCollector>(m =>
        {
            IActorRef collector = Context.ActorOf(Props.Create(() => new IdentityCollector(m.Writer)), "identify-" + (++_collectors).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Sender.Tell(collector);
        });
    }

    protected override void PreStart()
    {
        try
        {
            CmdServerOptions options = _server.Options;
            IActorRef log = Context.ActorOf(Props.Create(() => new BuiltIn.LogBufferActor(options.LogBufferSize)), "log");
            Context.System.EventStream.Subscribe(log, typeof(LogEvent));
            _server.LogBuffer = log;
            IPEndPoint endpoint = _server.Endpoint;
            Context.GetLogger().Info(
                "Command server listening on {0} (reads: {1}; mutations: {2})",
                CmdServerOptions.FormatEndpoint(endpoint.Address.ToString(), endpoint.Port),
                _server.IsLoopback ? "open on loopback" : "token required",
                string.IsNullOrEmpty(options.Token) ? "refused, no actors.cmd.token set" : "token required");
            CancellationToken lifetime = _server.Lifetime.Token;
            Socket listener = _listener;
            CommandServer server = _server;
            _ = Task.Run(() => AcceptLoopAsync(listener, server, lifetime), CancellationToken.None);
            _started.TrySetResult();
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            throw;
        }
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // Keep the listener, the children and the connections: nothing of them depends on this instance.
    }

    protected override void PostRestart(Exception reason)
    {
        // PreStart ran once; the accept loop and the log ring are still running.
    }

    protected override void PostStop()
    {
        _server.Lifetime.Cancel();
        _listener.Dispose();
        _server.OnStopped();
    }

    private static async Task AcceptLoopAsync(Socket listener, CommandServer server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (!cancellationToken.IsCancellationRequested)
            {
                server.System.Log.Warning("Command server: accept failed: {0}", e.Message);
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            client.NoDelay = true;
            if (!server.TryAddConnection())
            {
                _ = CmdConnection.RefuseAsync(client, CmdErrorCodes.Overloaded, $"The server already serves {server.Options.MaxConnections} connections.");
                continue;
            }

            var connection = new CmdConnection(client, server, cancellationToken);
            _ = Task.Run(async () =>
            {
                try
                {
                    await connection.RunAsync().ConfigureAwait(false);
                }
                finally
                {
                    server.RemoveConnection();
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Asks the server actor for a child that writes every <see cref="ActorIdentity"/> it receives to <paramref name="Writer"/>.</summary>
    internal sealed record SpawnIdentityCollector(ChannelWriter<ActorIdentity> Writer);
}
