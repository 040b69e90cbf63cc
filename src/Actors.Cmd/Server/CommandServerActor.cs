using System.Net;
using System.Net.Sockets;
using Actors.Event;

namespace Actors.Cmd;

/// <summary>
/// <c>/system/cmd</c>: owns the listening socket and the log ring child. The accept loop runs on the thread pool and
/// touches no actor state; stopping the actor cancels it and every connection.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in PostStop, the end of the actor's life.")]
internal sealed class CommandServerActor : ReceiveActor
{
    private readonly CommandServer _server;
    private readonly TaskCompletionSource<IPEndPoint> _bound;
    private CancellationTokenSource? _lifetime;
    private Socket? _listener;

    public CommandServerActor(CommandServer server, TaskCompletionSource<IPEndPoint> bound)
    {
        _server = server;
        _bound = bound;
    }

    protected override void PreStart()
    {
        try
        {
            CmdServerOptions options = _server.Options;
            IActorRef log = Context.ActorOf(Props.Create(() => new BuiltIn.LogBufferActor(options.LogBufferSize)), "log");
            Context.System.EventStream.Subscribe<LogEvent>(log);
            _server.LogBuffer = log;

            IPAddress address = ResolveHost(options.Host);
            var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(new IPEndPoint(address, options.Port));
                listener.Listen(512);
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            _listener = listener;
            var endpoint = (IPEndPoint)listener.LocalEndPoint!;
            _lifetime = new CancellationTokenSource();
            Context.System.Log.Info(
                "Command server listening on {0}:{1} (authentication {2})",
                endpoint.Address,
                endpoint.Port,
                string.IsNullOrEmpty(options.Token) ? "off, loopback only" : "by token");
            _ = Task.Run(() => AcceptLoopAsync(listener, _server, _lifetime.Token));
            _bound.TrySetResult(endpoint);
        }
        catch (Exception e)
        {
            _bound.TrySetException(e);
            throw;
        }
    }

    protected override void PostStop()
    {
        _lifetime?.Cancel();
        _listener?.Dispose();
        _lifetime?.Dispose();
        _server.OnStopped();
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // The listener and connections survive only one incarnation; a restart re-binds.
        _lifetime?.Cancel();
        _listener?.Dispose();
        base.PreRestart(reason, message);
    }

    internal static IPAddress ResolveHost(string host)
    {
        if (IPAddress.TryParse(host, out IPAddress? address))
        {
            return address;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        IPAddress[] addresses = Dns.GetHostAddresses(host);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"actors.cmd.host [{host}] resolves to no address.");
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
}
