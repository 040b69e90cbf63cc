using System.Net.WebSockets;
using System.Text;
using Actors.Feeds.Failures;
using Akka;
using Akka.Streams.Dsl;
using Akka.Util;

namespace Actors.Feeds.Streams;

/// <summary>
/// One WebSocket connection to the exchange, subscribed to a symbol's tickers and order-book deltas, with a ping
/// every ping-interval. Read by <see cref="Source.UnfoldResourceAsync{T, TSource}"/>: the socket is read only when
/// the stream pulls (back-pressure); a close or an error fails the source with <see cref="FeedDisconnectedException"/>,
/// which RestartSource answers with a reconnect after its backoff.
/// </summary>
internal sealed class WebSocketFeedConnection : IAsyncDisposable
{
    private const int MaxFrameBytes = 1 << 20;
    private readonly ClientWebSocket _socket;
    private readonly string _symbol;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly byte[] _buffer = new byte[16 * 1024];
    private Task _pings = Task.CompletedTask;

    private WebSocketFeedConnection(ClientWebSocket socket, string symbol)
    {
        _socket = socket;
        _symbol = symbol;
    }

    /// <summary>A source of the symbol's frames from one connection (made when the source is materialized).</summary>
    public static Source<string, NotUsed> Create(Uri url, string symbol, TimeSpan connectTimeout, TimeSpan pingInterval) =>
        Source.UnfoldResourceAsync<string, WebSocketFeedConnection>(
            () => OpenAsync(url, symbol, connectTimeout, pingInterval),
            connection => connection.ReadAsync(),
            async connection =>
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return Done.Instance;
            });

    private static async Task<WebSocketFeedConnection> OpenAsync(Uri url, string symbol, TimeSpan connectTimeout, TimeSpan pingInterval)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(connectTimeout);
        try
        {
            await socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException)
        {
            socket.Dispose();
            string why = e is OperationCanceledException ? $"no answer within {connectTimeout.TotalSeconds:0.###} s" : e.Message;
            throw new FeedDisconnectedException($"feed {symbol}: connect to {url} refused or failed: {why}", e) { Refused = true };
        }

        var connection = new WebSocketFeedConnection(socket, symbol);
        await connection.SendAsync($$"""{"op":"subscribe","args":["tickers.{{symbol}}","orderbook.1.{{symbol}}"]}""").ConfigureAwait(false);
        connection._pings = connection.PingAsync(pingInterval);
        return connection;
    }

    private async Task<Option<string>> ReadAsync()
    {
        int length = 0;
        try
        {
            while (true)
            {
                if (length == _buffer.Length)
                {
                    throw new FeedDisconnectedException($"feed {_symbol}: a frame over {_buffer.Length} bytes; resubscribing");
                }

                WebSocketReceiveResult result = await _socket.ReceiveAsync(new ArraySegment<byte>(_buffer, length, _buffer.Length - length), _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new FeedDisconnectedException($"feed {_symbol}: the exchange closed the connection ({result.CloseStatus} {result.CloseStatusDescription})");
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    return Option<string>.Create(Encoding.UTF8.GetString(_buffer, 0, length));
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            throw new FeedDisconnectedException($"feed {_symbol}: the connection dropped: {e.Message}", e);
        }
    }

    private async Task PingAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await SendAsync("""{"op":"ping"}""").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The read side sees the broken connection and fails the stream; pings just stop.
        }
    }

    private async Task SendAsync(string text)
    {
        await _send.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, _stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pings.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // Abort, not a close handshake: the connection is being replaced, and a stalled exchange would not answer.
        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
        _send.Dispose();
    }
}
