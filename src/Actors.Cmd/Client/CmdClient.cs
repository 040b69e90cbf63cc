using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;

namespace Actors.Cmd;

/// <summary>The TCP implementation of <see cref="ICmdClient"/>.</summary>
/// <remarks>
/// Threading: one read loop dispatches frames by id to per-request channels; sends are serialized by a semaphore.
/// All members are safe from any thread.
/// </remarks>
public sealed class CmdClient : ICmdClient
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly CmdClientOptions _options;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<long, Channel<CmdResponse>> _commands = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<IReadOnlyList<PaletteDescriptor>>> _paletteRequests = new();
    private readonly CancellationTokenSource _lifetime = new();
    private Exception? _closedBecause;
    private long _nextId;
    private Task _readLoop = Task.CompletedTask;

    private CmdClient(Socket socket, CmdClientOptions options)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _options = options;
        Server = new CmdServerInfo(options.Host, options.Port, 0, string.Empty, string.Empty, false);
    }

    /// <inheritdoc/>
    public CmdServerInfo Server { get; private set; }

    /// <inheritdoc/>
    public bool IsConnected => _closedBecause is null && !_lifetime.IsCancellationRequested;

    /// <summary>Connects, sends hello (with the token, if any) and waits for the welcome.</summary>
    /// <param name="options">Where to connect.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="CmdConnectionException">The server could not be reached within the timeout, or closed the connection.</exception>
    /// <exception cref="CmdAuthenticationException">The server required a token, or refused the one given.</exception>
    /// <exception cref="CmdProtocolException">The server answered with another fatal error.</exception>
    public static async Task<ICmdClient> ConnectAsync(CmdClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string target = $"{options.Host}:{options.Port} (timeout {options.ConnectTimeout.TotalSeconds:0.###}s)";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new CmdConnectionException($"Could not connect to {target}: timed out.");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new CmdConnectionException($"Could not connect to {target}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var client = new CmdClient(socket, options);
        try
        {
            await client.HandshakeAsync(target, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw new CmdConnectionException($"Connected to {target} but got no welcome in time.");
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        client._readLoop = Task.Run(client.ReadLoopAsync, CancellationToken.None);
        return client;
    }

    private async Task HandshakeAsync(string target, CancellationToken cancellationToken)
    {
        await SendAsync(w =>
        {
            w.WriteString("type", CmdProtocol.Types.Hello);
            w.WriteNumber("version", CmdProtocol.Version);
            w.WriteString("client", _options.ClientName);
            if (!string.IsNullOrEmpty(_options.Token))
            {
                w.WriteString("token", _options.Token);
            }
        }, cancellationToken).ConfigureAwait(false);

        JsonDocument? welcome;
        try
        {
            welcome = await FrameCodec.ReadAsync(_stream, _options.MaxFrameSize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException)
        {
            throw new CmdConnectionException($"Connected to {target} but the connection failed during the handshake: {e.Message}", e);
        }

        using (welcome ?? throw new CmdConnectionException($"Connected to {target} but the server closed the connection during the handshake."))
        {
            JsonElement root = welcome.RootElement;
            string type = FrameCodec.Type(welcome);
            if (type == CmdProtocol.Types.Error)
            {
                throw FatalError(root);
            }

            if (type != CmdProtocol.Types.Welcome)
            {
                throw new CmdProtocolException($"Expected '{CmdProtocol.Types.Welcome}' from {target}, got '{type}'.");
            }

            Server = new CmdServerInfo(
                _options.Host,
                _options.Port,
                FrameCodec.GetInt(root, "version"),
                FrameCodec.GetString(root, "server") ?? "?",
                FrameCodec.GetString(root, "node") ?? "?",
                FrameCodec.GetBool(root, "authenticated"));
        }
    }

    private static CmdProtocolException FatalError(JsonElement root)
    {
        string code = FrameCodec.GetString(root, "code") ?? CmdErrorCodes.Protocol;
        string message = FrameCodec.GetString(root, "message") ?? code;
        return code is CmdErrorCodes.AuthenticationFailed or CmdErrorCodes.AuthenticationRequired
            ? new CmdAuthenticationException(code, message)
            : new CmdProtocolException(code, message);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PaletteDescriptor>> GetPalettesAsync(CancellationToken cancellationToken = default)
    {
        long id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<IReadOnlyList<PaletteDescriptor>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _paletteRequests[id] = tcs;
        try
        {
            ThrowIfClosed();
            await SendAsync(w =>
            {
                w.WriteString("type", CmdProtocol.Types.Palettes);
                w.WriteNumber("id", id);
            }, cancellationToken).ConfigureAwait(false);
            return await tcs.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _paletteRequests.TryRemove(id, out _);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<CmdResponse> ExecuteAsync(string palette, string command, IReadOnlyDictionary<string, string?>? arguments = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(palette);
        ArgumentNullException.ThrowIfNull(command);
        long id = Interlocked.Increment(ref _nextId);
        var channel = Channel.CreateUnbounded<CmdResponse>(new UnboundedChannelOptions { SingleReader = true });
        _commands[id] = channel;
        try
        {
            ThrowIfClosed();
            await SendAsync(w =>
            {
                w.WriteString("type", CmdProtocol.Types.Exec);
                w.WriteNumber("id", id);
                w.WriteString("palette", palette);
                w.WriteString("command", command);
                w.WriteStartObject("args");
                foreach ((string name, string? value) in arguments ?? new Dictionary<string, string?>())
                {
                    w.WriteString(name, value);
                }

                w.WriteEndObject();
            }, CancellationToken.None).ConfigureAwait(false);

            await using CancellationTokenRegistration registration = cancellationToken.Register(() => _ = CancelAsync(id));
            while (true)
            {
                CmdResponse response;
                try
                {
                    response = await channel.Reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (ChannelClosedException e)
                {
                    throw new CmdConnectionException($"The connection to {_options.Host}:{_options.Port} was lost before command {palette} {command} finished: {(e.InnerException ?? _closedBecause)?.Message}", e.InnerException ?? e);
                }

                yield return response;
                if (response.IsFinal)
                {
                    yield break;
                }
            }
        }
        finally
        {
            _commands.TryRemove(id, out _);
        }
    }

    private async Task CancelAsync(long id)
    {
        try
        {
            await SendAsync(w =>
            {
                w.WriteString("type", CmdProtocol.Types.Cancel);
                w.WriteNumber("id", id);
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or CmdConnectionException)
        {
            // The connection is gone; the read loop fails the command.
        }
    }

    private void ThrowIfClosed()
    {
        if (_closedBecause is { } e)
        {
            throw new CmdConnectionException($"The connection to {_options.Host}:{_options.Port} is closed: {e.Message}", e);
        }
    }

    private async Task SendAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        byte[] frame = FrameCodec.Encode(write);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new CmdConnectionException($"Could not send to {_options.Host}:{_options.Port}: {e.Message}", e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception reason;
        try
        {
            while (true)
            {
                using JsonDocument? frame = await FrameCodec.ReadAsync(_stream, _options.MaxFrameSize, _lifetime.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    reason = new CmdConnectionException("The server closed the connection.");
                    break;
                }

                JsonElement root = frame.RootElement;
                long id = FrameCodec.GetId(root);
                switch (FrameCodec.Type(frame))
                {
                    case CmdProtocol.Types.Palettes:
                        if (_paletteRequests.TryGetValue(id, out var tcs))
                        {
                            var palettes = root.GetProperty("palettes").Deserialize<PaletteDescriptor[]>(CmdJson.Options) ?? [];
                            tcs.TrySetResult(palettes);
                        }

                        break;
                    case CmdProtocol.Types.Output:
                    case CmdProtocol.Types.Done:
                    case CmdProtocol.Types.Error when id != 0:
                        if (_commands.TryGetValue(id, out var channel))
                        {
                            channel.Writer.TryWrite(ToResponse(root, id));
                        }

                        break;
                    case CmdProtocol.Types.Error:
                        throw FatalError(root);
                    default:
                        break;
                }
            }
        }
        catch (Exception e)
        {
            reason = e is OperationCanceledException && _lifetime.IsCancellationRequested
                ? new CmdConnectionException("The client was disposed.")
                : e;
        }

        _closedBecause = reason;
        foreach (var channel in _commands.Values)
        {
            channel.Writer.TryComplete(reason);
        }

        foreach (var tcs in _paletteRequests.Values)
        {
            tcs.TrySetException(new CmdConnectionException($"The connection was lost: {reason.Message}", reason));
        }
    }

    private static CmdResponse ToResponse(JsonElement root, long id)
    {
        string type = root.GetProperty("type").GetString()!;
        CmdResponseKind kind = type switch
        {
            CmdProtocol.Types.Output => CmdResponseKind.Output,
            CmdProtocol.Types.Done => CmdResponseKind.Done,
            _ => CmdResponseKind.Error,
        };
        return new CmdResponse(kind, id)
        {
            Text = FrameCodec.GetString(root, kind == CmdResponseKind.Error ? "message" : "text"),
            Data = root.TryGetProperty("data", out JsonElement data) ? data.Clone() : null,
            ErrorCode = kind == CmdResponseKind.Error ? FrameCodec.GetString(root, "code") : null,
            Cancelled = FrameCodec.GetBool(root, "cancelled"),
        };
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        await _readLoop.ConfigureAwait(false);
        _lifetime.Dispose();
        _sendLock.Dispose();
    }
}
