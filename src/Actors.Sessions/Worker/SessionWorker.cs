using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Akka.Event;
using Actors.Resilience.Units;
using Actors.Sessions.Configuration;
using Actors.Sessions.Outbox;

namespace Actors.Sessions.Worker;

/// <summary>
/// The worker of a <c>session</c> unit: owns one <see cref="ClientWebSocket"/> to the upstream and lets it crash.
/// A refused connect, a closed socket, a missed pong, an acknowledgement or a ready frame that does not come in
/// time, and any frame the protocol does not allow make it throw: its instance supervisor backs off and restarts
/// it, and its breaker counts the failure. When the upstream says <c>ready</c> it tells its parent
/// <see cref="UnitReady"/> and attaches to its outbox, which hands it the pending messages in order.
/// </summary>
/// <remarks>Only the actor's turn touches its fields; the receive loop runs on a task and only Tells.</remarks>
internal sealed class SessionWorker : ReceiveActor, IWithTimers, IDisposable
{
    private readonly string _instanceId;
    private readonly SessionOptions _options;
    private readonly Uri _upstream;
    private readonly IActorRef _outboxes;
    private readonly CancellationTokenSource _cts = new();
    private readonly Dictionary<string, DateTimeOffset> _inFlight = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _qrWaiters = [];
    private ClientWebSocket? _socket;
    private string _state = "connecting";
    private string? _qr;
    private DateTimeOffset? _readySince;
    private long _pingsSent;
    private bool _awaitingPong;

    public SessionWorker(string instanceId, SessionOptions options, Uri upstream, IActorRef outboxes)
    {
        _instanceId = instanceId;
        _options = options;
        _upstream = upstream;
        _outboxes = outboxes;

        Receive<SocketConnected>(c => Current(c.Socket), OnConnected);
        Receive<SocketConnectFailed>(f => Current(f.Socket), OnConnectFailed);
        Receive<FrameReceived>(f => Current(f.Socket), OnFrame);
        Receive<SocketClosed>(c => Current(c.Socket), OnClosed);
        Receive<SocketConnected>(_ => { });
        Receive<SocketConnectFailed>(_ => { });
        Receive<FrameReceived>(_ => { });
        Receive<SocketClosed>(_ => { });
        ReceiveAsync<Deliver>(OnDeliver);
        ReceiveAsync<PingTick>(_ => OnPing());
        Receive<AckCheck>(_ => CheckAcks());
        Receive<ReadyTimeout>(_ =>
        {
            if (_state == "connecting")
            {
                throw new SessionLostException(string.Create(CultureInfo.InvariantCulture, $"Session {_instanceId}: no ready or QR frame within {_options.ConnectTimeout.TotalSeconds:0.###} s of connecting (the upstream stalls)."));
            }
        });
        Receive<SessionWake>(_ => { });
        Receive<GetSessionStatus>(_ => Sender.Tell(Status()));
        Receive<GetQrCode>(_ =>
        {
            if (_state == "connecting")
            {
                _qrWaiters.Add(Sender);
            }
            else
            {
                Sender.Tell(Status());
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string instanceId, SessionOptions options, Uri upstream, IActorRef outboxes) =>
        Akka.Actor.Props.Create(() => new SessionWorker(instanceId, options, upstream, outboxes));

    protected override void PreStart()
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        _socket = socket;
        var uri = new Uri(_upstream, "?instance_id=" + Uri.EscapeDataString(_instanceId));
        IActorRef self = Self;
        CancellationToken token = _cts.Token;
        TimeSpan timeout = _options.ConnectTimeout;
        _ = Task.Run(async () =>
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            connectTimeout.CancelAfter(timeout);
            try
            {
                await socket.ConnectAsync(uri, connectTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                self.Tell(new SocketConnectFailed(socket, e));
                return;
            }

            self.Tell(new SocketConnected(socket));
        });
        Timers.StartSingleTimer(ReadyTimeout.Instance, ReadyTimeout.Instance, _options.ConnectTimeout);
    }

    protected override void PostStop()
    {
        _cts.Cancel();
        _socket?.Abort();
        Dispose();
        SessionStatus status = Status() with { State = "disconnected" };
        foreach (IActorRef waiter in _qrWaiters)
        {
            waiter.Tell(status);
        }
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _cts.Dispose();
    }

    private void OnConnectFailed(SocketConnectFailed f) =>
        throw new SessionConnectException($"Session {_instanceId}: connecting to {_upstream} failed: {f.Cause.Message}", f.Cause);

    private void OnClosed(SocketClosed c) =>
        throw new SessionLostException($"Session {_instanceId}: the upstream closed the socket ({c.Reason}).");

    private bool Current(ClientWebSocket socket) => ReferenceEquals(socket, _socket);

    private void OnConnected(SocketConnected c)
    {
        IActorRef self = Self;
        ClientWebSocket socket = c.Socket;
        CancellationToken token = _cts.Token;
        _ = Task.Run(() => ReceiveLoop(socket, self, token));
        Timers.StartPeriodicTimer(PingTick.Instance, PingTick.Instance, _options.PingInterval);
        TimeSpan check = _options.AckTimeout / 2;
        Timers.StartPeriodicTimer(AckCheck.Instance, AckCheck.Instance, check);
    }

    private static async Task ReceiveLoop(ClientWebSocket socket, IActorRef self, CancellationToken token)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result = await socket.ReceiveAsync(buffer.GetMemory(1024), token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    self.Tell(new SocketClosed(socket, $"close frame {socket.CloseStatus}"));
                    return;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    self.Tell(new FrameReceived(socket, buffer.WrittenSpan.ToArray()));
                    buffer.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The worker stopped.
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            if (!token.IsCancellationRequested)
            {
                self.Tell(new SocketClosed(socket, e.Message));
            }
        }
    }

    private void OnFrame(FrameReceived f)
    {
        string type;
        JsonElement root;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(f.Frame);
        }
        catch (JsonException e)
        {
            throw new SessionProtocolException($"Session {_instanceId}: the upstream sent a frame that is not JSON ({e.Message}).", e);
        }

        using (doc)
        {
            root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out JsonElement t) || t.ValueKind != JsonValueKind.String)
            {
                throw new SessionProtocolException($"Session {_instanceId}: the upstream sent a frame without a string \"type\".");
            }

            type = t.GetString()!;
            switch (type)
            {
                case "qr":
                    _qr = root.TryGetProperty("token", out JsonElement token) && token.ValueKind == JsonValueKind.String
                        ? token.GetString()
                        : throw new SessionProtocolException($"Session {_instanceId}: a qr frame without a string \"token\".");
                    _state = "waiting-for-scan";
                    AnswerQrWaiters();
                    break;
                case "ready":
                    _state = "ready";
                    _qr = null;
                    _readySince = Context.System.Scheduler.Now;
                    Context.Parent.Tell(UnitReady.Instance);
                    _outboxes.Tell(new OutboxEnvelope(_instanceId, new AttachWorker(Self)));
                    AnswerQrWaiters();
                    break;
                case "ack":
                    if (!root.TryGetProperty("key", out JsonElement key) || key.ValueKind != JsonValueKind.String
                        || !root.TryGetProperty("id", out JsonElement id) || id.ValueKind != JsonValueKind.Number)
                    {
                        throw new SessionProtocolException($"Session {_instanceId}: an ack frame without a string \"key\" and a numeric \"id\".");
                    }

                    string k = key.GetString()!;
                    _inFlight.Remove(k);
                    _outboxes.Tell(new OutboxEnvelope(_instanceId, new Acknowledged(k, id.GetInt64())));
                    break;
                case "pong":
                    _awaitingPong = false;
                    break;
                case "inbound":
                    Context.System.EventStream.Publish(new SessionInbound(_instanceId, root.TryGetProperty("from", out JsonElement from) ? from.GetString() : null, root.TryGetProperty("text", out JsonElement text) ? text.GetString() : null));
                    break;
                case "error":
                    // The upstream reports an error of ours; nothing to do but log it as a protocol warning.
                    Context.GetLogger().Warning("Session {InstanceId}: the upstream reported an error: {Frame}", _instanceId, root.GetRawText());
                    break;
                default:
                    throw new SessionProtocolException($"Session {_instanceId}: the upstream sent an unknown frame type \"{type}\".");
            }
        }
    }

    private async Task OnDeliver(Deliver d)
    {
        if (_state != "ready" || _socket is not { State: WebSocketState.Open })
        {
            return; // The outbox hands everything again to the next attached worker.
        }

        _inFlight[d.Key] = Context.System.Scheduler.Now;
        byte[] frame = JsonSerializer.SerializeToUtf8Bytes(new SendFrame("send", d.Key, d.To, d.Text), SessionJson.Options);
        await Send(frame, "message " + d.Key).ConfigureAwait(false);
    }

    private async Task OnPing()
    {
        if (_awaitingPong)
        {
            throw new SessionLostException(string.Create(CultureInfo.InvariantCulture, $"Session {_instanceId}: ping {_pingsSent} got no pong within {_options.PingInterval.TotalSeconds:0.###} s."));
        }

        if (_socket is null)
        {
            return;
        }

        _awaitingPong = true;
        _pingsSent++;
        byte[] frame = JsonSerializer.SerializeToUtf8Bytes(new PingFrame("ping", _pingsSent), SessionJson.Options);
        await Send(frame, "a ping").ConfigureAwait(false);
    }

    // A socket that fails under a send is a lost session, whatever the transport's exception says.
    private async Task Send(byte[] frame, string what)
    {
        try
        {
            await _socket!.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            throw new SessionLostException($"Session {_instanceId}: sending {what} failed, the socket is gone ({e.Message}).", e);
        }
    }

    private void CheckAcks()
    {
        DateTimeOffset now = Context.System.Scheduler.Now;
        foreach (KeyValuePair<string, DateTimeOffset> sent in _inFlight)
        {
            if (now - sent.Value >= _options.AckTimeout)
            {
                throw new SessionLostException(string.Create(CultureInfo.InvariantCulture, $"Session {_instanceId}: message {sent.Key} was not acknowledged within {_options.AckTimeout.TotalSeconds:0.###} s."));
            }
        }
    }

    private void AnswerQrWaiters()
    {
        SessionStatus status = Status();
        foreach (IActorRef waiter in _qrWaiters)
        {
            waiter.Tell(status);
        }

        _qrWaiters.Clear();
    }

    private SessionStatus Status() => new(_instanceId, _state, _qr, _readySince, _inFlight.Count);
}
