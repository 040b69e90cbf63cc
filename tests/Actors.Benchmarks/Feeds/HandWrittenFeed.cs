using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Actors.Benchmarks.Feeds;

/// <summary>
/// The baseline of <c>feed-recovery</c>: the hand-written reconnect loop the feeds replace (connect, subscribe, read;
/// on any failure wait min backoff plus up to 20 % jitter, then reconnect), reporting the first frame after each
/// (re)connect with its timestamp.
/// </summary>
internal sealed class HandWrittenFeed(Uri url, string symbol, TimeSpan minBackoff) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<long> _firstFrames = Channel.CreateUnbounded<long>();
    private Task _loop = Task.CompletedTask;

    /// <summary>Stopwatch timestamps of the first frame after each connect.</summary>
    public ChannelReader<long> FirstFrames => _firstFrames.Reader;

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        var random = new Random(7);
        byte[] buffer = new byte[16 * 1024];
        while (!_stop.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(url, _stop.Token).ConfigureAwait(false);
                byte[] subscribe = Encoding.UTF8.GetBytes($$"""{"op":"subscribe","args":["tickers.{{symbol}}","orderbook.1.{{symbol}}"]}""");
                await socket.SendAsync(subscribe, WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
                bool first = true;
                while (true)
                {
                    WebSocketReceiveResult r = await socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                    if (r.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    if (r.EndOfMessage && first && Encoding.UTF8.GetString(buffer, 0, r.Count).Contains("\"topic\"", StringComparison.Ordinal))
                    {
                        first = false;
                        _firstFrames.Writer.TryWrite(Stopwatch.GetTimestamp());
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(minBackoff * (1 + (random.NextDouble() * 0.2)), _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
