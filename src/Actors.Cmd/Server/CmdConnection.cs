using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;

namespace Actors.Cmd;

/// <summary>
/// One client session. The read loop runs the handshake and dispatches requests; a writer loop drains the bounded
/// outbound queue to the socket; command handlers run as independent tasks and enqueue their frames.
/// </summary>
/// <remarks>
/// Threading: <see cref="Send"/> is called from any thread (handlers, actors) and never blocks: when the queue is full
/// the connection is aborted. Only the read loop touches <see cref="_running"/> additions; handlers remove themselves.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "RunAsync disposes everything it owns when the session ends.")]
internal sealed class CmdConnection
{
    private static readonly TimeSpan s_flushTimeout = TimeSpan.FromSeconds(5);
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly CommandServer _server;
    private readonly CmdServerOptions _options;
    private readonly Channel<byte[]> _outbound;
    private readonly CancellationTokenSource _lifetime;
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();
    private bool _authenticated;

    public CmdConnection(Socket socket, CommandServer server, CancellationToken serverLifetime)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _server = server;
        _options = server.Options;
        _outbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(_options.OutboundQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(serverLifetime);
        Remote = socket.RemoteEndPoint?.ToString() ?? "?";
    }

    public string Remote { get; }

    /// <summary>Sends a fatal error to a connection that will not be served, then closes it.</summary>
    public static async Task RefuseAsync(Socket socket, string code, string message)
    {
        try
        {
            byte[] frame = ErrorFrame(0, code, message, fatal: true);
            using var cts = new CancellationTokenSource(s_flushTimeout);
            await socket.SendAsync(frame, SocketFlags.None, cts.Token).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone; nothing to tell it.
        }
        finally
        {
            socket.Dispose();
        }
    }

    public async Task RunAsync()
    {
        Task writer = WriteLoopAsync();
        bool fatalSent = false;
        try
        {
            await HandshakeAsync().ConfigureAwait(false);
            await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (CmdProtocolException e)
        {
            fatalSent = _outbound.Writer.TryWrite(ErrorFrame(0, e.Code, e.Message, fatal: true));
            _server.System.Log.Debug("Command server: closing {0}: {1}", Remote, e.Message);
        }
        catch (EndOfStreamException)
        {
            fatalSent = _outbound.Writer.TryWrite(ErrorFrame(0, CmdErrorCodes.Protocol, "The connection ended inside a frame.", fatal: true));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, the server is stopping, or the connection was aborted.
        }
        finally
        {
            await _lifetime.CancelAsync().ConfigureAwait(false);
            _outbound.Writer.TryComplete();
            await CloseAsync(writer, fatalSent).ConfigureAwait(false);
        }
    }

    private async Task CloseAsync(Task writer, bool drainInput)
    {
        try
        {
            await writer.WaitAsync(s_flushTimeout).ConfigureAwait(false);
            if (drainInput && !_abort.IsCancellationRequested)
            {
                // Let the error frame reach the client before closing: half-close, then discard what it still sends,
                // so that closing with unread input does not reset the connection and destroy the frame in flight.
                _socket.Shutdown(SocketShutdown.Send);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                byte[] sink = new byte[16 * 1024];
                long discarded = 0;
                while (discarded < 4L * _options.MaxFrameSize)
                {
                    int n = await _stream.ReadAsync(sink, cts.Token).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    discarded += n;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            // Closing anyway.
        }
        finally
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            _socket.Dispose();
            await _stream.DisposeAsync().ConfigureAwait(false);
            _lifetime.Dispose();
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (byte[] frame in _outbound.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
            {
                await _stream.WriteAsync(frame, _abort.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Abort();
        }
    }

    /// <summary>Drops the connection at once (queue overflow or a dead socket).</summary>
    private void Abort()
    {
        if (_abort.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _abort.Cancel();
            _lifetime.Cancel();
            _socket.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    /// <summary>Queues a frame; aborts the connection when the client does not keep up. Any thread; never blocks.</summary>
    private bool Send(byte[] frame)
    {
        if (_outbound.Writer.TryWrite(frame))
        {
            return true;
        }

        if (!_abort.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            _server.System.Log.Warning("Command server: dropping {0}: its {1} queued frames were not read in time", Remote, _options.OutboundQueueCapacity);
            Abort();
            _server.OnSlowClientDropped(Remote);
        }

        return false;
    }

    private async Task<JsonDocument?> ReadFrameAsync(CancellationToken cancellationToken) =>
        await FrameCodec.ReadAsync(_stream, _options.MaxFrameSize, cancellationToken).ConfigureAwait(false);

    private async Task HandshakeAsync()
    {
        using var timeout = new CancellationTokenSource(_options.HandshakeTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _lifetime.Token);
        JsonDocument? hello;
        try
        {
            hello = await ReadFrameAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new CmdProtocolException(CmdErrorCodes.HandshakeTimeout, $"No hello frame within {_options.HandshakeTimeout}.");
        }

        if (hello is null)
        {
            throw new OperationCanceledException("The client closed before its hello.");
        }

        using (hello)
        {
            JsonElement root = hello.RootElement;
            if (FrameCodec.Type(hello) != CmdProtocol.Types.Hello)
            {
                throw new CmdProtocolException($"Expected a '{CmdProtocol.Types.Hello}' frame first, got '{FrameCodec.Type(hello)}'.");
            }

            int version = FrameCodec.GetInt(root, "version");
            if (version != CmdProtocol.Version)
            {
                throw new CmdProtocolException(CmdErrorCodes.UnsupportedVersion, $"The server speaks protocol version {CmdProtocol.Version}; the client sent {version}.");
            }

            string? token = FrameCodec.GetString(root, "token");
            bool authenticated = false;
            if (!string.IsNullOrEmpty(_options.Token))
            {
                if (string.IsNullOrEmpty(token))
                {
                    // On loopback a client without the token may read; beyond loopback it may not even connect.
                    if (!_server.IsLoopback)
                    {
                        throw new CmdProtocolException(CmdErrorCodes.AuthenticationRequired, "This server requires a token (pbm --token or PBM_TOKEN).");
                    }
                }
                else if (!CmdAuthPolicy.TokenMatches(_options.Token, token))
                {
                    _server.System.Log.Warning("Command server: refused {0}: wrong token", Remote);
                    throw new CmdProtocolException(CmdErrorCodes.AuthenticationFailed, "The token was refused.");
                }
                else
                {
                    authenticated = true;
                }
            }

            _authenticated = authenticated;
            Send(FrameCodec.Encode(w =>
            {
                w.WriteString("type", CmdProtocol.Types.Welcome);
                w.WriteNumber("version", CmdProtocol.Version);
                w.WriteString("server", "Actors.Cmd/" + ServerVersion);
                w.WriteString("node", _server.System.Name);
                w.WriteBoolean("authenticated", authenticated);
            }));
        }
    }

    internal static string ServerVersion { get; } =
        typeof(CmdConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private async Task ReadLoopAsync()
    {
        while (true)
        {
            JsonDocument? frame = await ReadFrameAsync(_lifetime.Token).ConfigureAwait(false);
            if (frame is null)
            {
                return;
            }

            using (frame)
            {
                JsonElement root = frame.RootElement;
                long id = FrameCodec.GetId(root);
                string type = FrameCodec.Type(frame);
                if (type is CmdProtocol.Types.Palettes or CmdProtocol.Types.Exec or CmdProtocol.Types.Cancel && id <= 0)
                {
                    throw new CmdProtocolException($"A '{type}' frame needs a positive integer 'id'.");
                }

                switch (type)
                {
                    case CmdProtocol.Types.Palettes:
                        SendPalettes(id);
                        break;
                    case CmdProtocol.Types.Exec:
                        StartCommand(id, root);
                        break;
                    case CmdProtocol.Types.Cancel:
                        if (_running.TryGetValue(id, out CancellationTokenSource? cts))
                        {
                            await cts.CancelAsync().ConfigureAwait(false);
                        }

                        break;
                    default:
                        throw new CmdProtocolException($"Unknown frame type '{type}'.");
                }
            }
        }
    }

    private void SendPalettes(long id)
    {
        IReadOnlyList<PaletteDescriptor> palettes = _server.Palettes;
        SendChecked(id, FrameCodec.Encode(w =>
        {
            w.WriteString("type", CmdProtocol.Types.Palettes);
            w.WriteNumber("id", id);
            w.WritePropertyName("palettes");
            JsonSerializer.Serialize(w, palettes, CmdJson.Options);
        }));
    }

    private void StartCommand(long id, JsonElement root)
    {
        string palette = FrameCodec.GetString(root, "palette") ?? throw new CmdProtocolException("An 'exec' frame needs a string 'palette'.");
        string command = FrameCodec.GetString(root, "command") ?? string.Empty;
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (root.TryGetProperty("args", out JsonElement args))
        {
            if (args.ValueKind != JsonValueKind.Object)
            {
                throw new CmdProtocolException("An 'exec' frame's 'args' must be an object.");
            }

            foreach (JsonProperty p in args.EnumerateObject())
            {
                given[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => p.Value.GetRawText(),
                };
            }
        }

        _server.EnsureResiliencePalettes();
        if (!_server.Registry.Snapshot.TryGetValue(palette, out CommandPalette? found))
        {
            SendError(id, CmdErrorCodes.UnknownPalette, $"No palette [{palette}]; registered: {string.Join(", ", _server.Registry.Snapshot.Keys.Order(StringComparer.Ordinal))}.");
            return;
        }

        if (command.Length == 0 && found.Descriptor.DefaultCommand is { } fallback)
        {
            command = fallback;
        }

        if (!found.TryGetCommand(command, out CommandDescriptor? descriptor, out CommandHandler? handler))
        {
            SendError(id, CmdErrorCodes.UnknownCommand, $"Palette [{found.Name}] has no command [{command}]; it has: {string.Join(", ", found.Descriptor.Commands.Select(c => c.Name))}.");
            return;
        }

        if (descriptor.IsMutation && !_authenticated)
        {
            string name = $"[{found.Name} {descriptor.Name}]";
            SendError(id, CmdErrorCodes.AuthenticationRequired, string.IsNullOrEmpty(_options.Token)
                ? $"{name} changes the node and needs the admin token, but this server has none: set actors.cmd.token (or ACTORS__CMD__TOKEN) on the node and pass it with pbm --token or PBM_TOKEN."
                : $"{name} changes the node and needs the admin token: pass it with pbm --token or PBM_TOKEN.");
            return;
        }

        Dictionary<string, string?> resolved;
        try
        {
            resolved = CommandArguments.Resolve(descriptor, given);
        }
        catch (CommandException e)
        {
            SendError(id, e.Code, e.Message);
            return;
        }

        if (_running.Count >= _options.MaxCommandsPerConnection)
        {
            SendError(id, CmdErrorCodes.TooManyCommands, $"This connection already runs {_options.MaxCommandsPerConnection} commands.");
            return;
        }

        var cts = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        if (!_running.TryAdd(id, cts))
        {
            cts.Dispose();
            SendError(id, CmdErrorCodes.DuplicateId, $"Command id {id} is already running.");
            return;
        }

        var context = new CommandContext(_server.System, _server, found.Name, descriptor, resolved, (text, data) => SendOutput(id, text, data), cts.Token);
        _ = Task.Run(() => RunCommandAsync(id, context, handler, cts), CancellationToken.None);
    }

    private async Task RunCommandAsync(long id, CommandContext context, CommandHandler handler, CancellationTokenSource cts)
    {
        try
        {
            await handler(context).ConfigureAwait(false);
            context.End();
            SendDone(id, cts.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            context.End();
            SendDone(id, cancelled: true);
        }
        catch (CommandException e)
        {
            context.End();
            SendError(id, e.Code, e.Message);
        }
        catch (Exception e)
        {
            context.End();
            _server.System.Log.Warning(e, "Command server: [{0} {1}] failed", context.Palette, context.Command.Name);
            SendError(id, CmdErrorCodes.CommandFailed, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _running.TryRemove(id, out _);
            cts.Dispose();
        }
    }

    private bool SendOutput(long id, string? text, object? data) =>
        SendChecked(id, FrameCodec.Encode(w =>
        {
            w.WriteString("type", CmdProtocol.Types.Output);
            w.WriteNumber("id", id);
            WriteBody(w, text, data);
        }));

    private void SendDone(long id, bool cancelled) =>
        Send(FrameCodec.Encode(w =>
        {
            w.WriteString("type", CmdProtocol.Types.Done);
            w.WriteNumber("id", id);
            w.WriteBoolean("cancelled", cancelled);
        }));

    private void SendError(long id, string code, string message) => Send(ErrorFrame(id, code, message, fatal: false));

    /// <summary>Sends a frame unless it exceeds the frame limit, in which case the client gets an error frame instead.</summary>
    private bool SendChecked(long id, byte[] frame)
    {
        if (FrameCodec.PayloadLength(frame) <= _options.MaxFrameSize)
        {
            return Send(frame);
        }

        Send(FrameCodec.Encode(w =>
        {
            w.WriteString("type", CmdProtocol.Types.Output);
            w.WriteNumber("id", id);
            w.WriteString("text", $"[response of {FrameCodec.PayloadLength(frame)} bytes omitted: larger than the {_options.MaxFrameSize}-byte frame limit; narrow the command]");
        }));
        return false;
    }

    internal static void WriteBody(Utf8JsonWriter w, string? text, object? data)
    {
        if (text is not null)
        {
            w.WriteString("text", text);
        }

        if (data is not null)
        {
            w.WritePropertyName("data");
            JsonSerializer.Serialize(w, data, data.GetType(), CmdJson.Options);
        }
    }

    internal static byte[] ErrorFrame(long id, string code, string message, bool fatal) =>
        FrameCodec.Encode(w =>
        {
            w.WriteString("type", CmdProtocol.Types.Error);
            w.WriteNumber("id", id);
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteBoolean("fatal", fatal);
        });
}
