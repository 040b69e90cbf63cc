using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Actors.Samples.Exchange;

/// <summary>
/// A loopback exchange: a Bybit-like public WebSocket stream at <c>/ws</c> (subscribe to <c>tickers.SYMBOL</c> and
/// <c>orderbook.1.SYMBOL</c>; every frame carries a per-symbol <c>seq</c>; <c>{"op":"ping"}</c> is answered with a
/// pong) and a control endpoint that injects faults: <c>POST /control/{drop|stall|garbage|skip|refuse|burst}?count=N</c>,
/// <c>POST /control/clear</c>, <c>GET /control/stats</c>. Use it in-process (<see cref="StartAsync"/>) or standalone.
/// </summary>
public sealed class ExchangeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ExchangeOptions _options;
    private readonly CancellationTokenSource _shutdown = new();

    private ExchangeServer(WebApplication app, ExchangeOptions options, Uri url)
    {
        _app = app;
        _options = options;
        Url = url;
        WebSocketUrl = new Uri($"ws://{url.Host}:{url.Port}/ws");
    }

    /// <summary>The HTTP base address (control endpoint).</summary>
    public Uri Url { get; }

    /// <summary>The public stream's address.</summary>
    public Uri WebSocketUrl { get; }

    /// <summary>The faults the control endpoint arms; tests may arm them directly.</summary>
    public ExchangeFaults Faults { get; } = new();

    /// <summary>What the exchange did.</summary>
    public ExchangeStats Stats { get; } = new();

    /// <summary>Starts an exchange on 127.0.0.1.</summary>
    /// <param name="options">Port, symbols and pace; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running exchange.</returns>
    public static async Task<ExchangeServer> StartAsync(ExchangeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ExchangeOptions();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        WebApplication app = builder.Build();
        ExchangeServer? server = null;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Map("/ws", context => server!.AcceptAsync(context));
        app.MapPost("/control/clear", () =>
        {
            server!.Faults.Clear();
            return Results.Ok(new { cleared = true });
        });
        app.MapPost("/control/{fault}", (string fault, int? count) =>
        {
            int n = count ?? 1;
            if (n < 1 || n > 1_000_000)
            {
                return Results.Problem(detail: $"count must be from 1 to 1000000, got {n}: pass ?count=N", statusCode: 400, title: "bad count");
            }

            return server!.Faults.Arm(fault, n)
                ? Results.Ok(new { armed = fault, count = n })
                : Results.Problem(detail: $"unknown fault '{fault}': use one of {string.Join(", ", ExchangeFaults.Names)}", statusCode: 400, title: "unknown fault");
        });
        app.MapGet("/control/stats", () => Results.Ok(server!.Snapshot()));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ExchangeServer(app, options, new Uri(address.EndsWith('/') ? address : address + "/"));
        return server;
    }

    /// <summary>The counters, as served by <c>GET /control/stats</c>.</summary>
    /// <returns>A dictionary of counters.</returns>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>
    {
        ["accepted"] = Stats.Accepted,
        ["refused"] = Stats.Refused,
        ["dropped"] = Stats.Dropped,
        ["stalled"] = Stats.Stalled,
        ["slow_disconnected"] = Stats.SlowDisconnected,
        ["frames"] = Stats.Frames,
        ["garbage"] = Stats.Garbage,
        ["skipped"] = Stats.Skipped,
        ["pongs"] = Stats.Pongs,
        ["open"] = Stats.Open,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Connections end first (aborted), so Kestrel's stop does not wait for open WebSockets.
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(detail: "this is a WebSocket endpoint: connect with ws://", statusCode: 400, title: "not a WebSocket request").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (Faults.TakeRefuse() || Stats.Open >= _options.MaxConnections)
        {
            Interlocked.Increment(ref Stats._refused);
            await Results.Problem(detail: "connection refused by the exchange (fault or too many connections); retry later", statusCode: 503, title: "refused").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        Interlocked.Increment(ref Stats._accepted);
        Interlocked.Increment(ref Stats._open);
        try
        {
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
            using var connection = new Connection(this, socket, aborted.Token);
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref Stats._open);
        }
    }

    private sealed class Connection(ExchangeServer server, WebSocket socket, CancellationToken aborted) : IDisposable
    {
        public void Dispose() => _send.Dispose();

        private readonly SemaphoreSlim _send = new(1, 1);
        private readonly long _dropEpoch = server.Faults.DropEpoch;
        private readonly long _stallEpoch = server.Faults.StallEpoch;
        private readonly Dictionary<string, long> _seq = new(StringComparer.Ordinal);
        private readonly List<string> _symbols = [];
        private readonly Random _random = new();
        private readonly Dictionary<string, double> _price = new(StringComparer.Ordinal);

        public async Task RunAsync()
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            Task receive = ReceiveAsync(stop.Token);
            try
            {
                await PublishAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await receive.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                }
            }
        }

        private async Task PublishAsync(CancellationToken cancel)
        {
            bool stalled = false;
            while (!cancel.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                if (server.Faults.DropEpoch != _dropEpoch)
                {
                    Interlocked.Increment(ref server.Stats._dropped);
                    socket.Abort();
                    return;
                }

                if (server.Faults.StallEpoch != _stallEpoch)
                {
                    if (!stalled)
                    {
                        stalled = true;
                        Interlocked.Increment(ref server.Stats._stalled);
                    }

                    await Task.Delay(server._options.Interval, cancel).ConfigureAwait(false);
                    continue;
                }

                int frames = 1 + server.Faults.TakeBurst();
                string[] symbols;
                lock (_symbols)
                {
                    symbols = [.. _symbols];
                }

                for (int i = 0; i < frames; i++)
                {
                    foreach (string symbol in symbols)
                    {
                        if (!await SendAsync(NextFrame(symbol), cancel).ConfigureAwait(false))
                        {
                            return;
                        }
                    }
                }

                await Task.Delay(server._options.Interval, cancel).ConfigureAwait(false);
            }
        }

        private string NextFrame(string symbol)
        {
            if (server.Faults.TakeGarbage())
            {
                Interlocked.Increment(ref server.Stats._garbage);
                return "}{ not json \u0001";
            }

            long seq = _seq.GetValueOrDefault(symbol) + 1;
            if (server.Faults.TakeSkip())
            {
                seq++;
                Interlocked.Increment(ref server.Stats._skipped);
            }

            _seq[symbol] = seq;
            Interlocked.Increment(ref server.Stats._frames);
            double price = _price.TryGetValue(symbol, out double p) ? p : StartPrice(symbol);
            price = Math.Max(0.01, price * (1 + ((_random.NextDouble() - 0.5) * 0.002)));
            _price[symbol] = price;
            long ts = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            string ps = price.ToString("0.00", CultureInfo.InvariantCulture);
            if (seq % 2 == 1)
            {
                return $$$"""{"topic":"tickers.{{{symbol}}}","type":"snapshot","seq":{{{seq}}},"ts":{{{ts}}},"data":{"symbol":"{{{symbol}}}","lastPrice":"{{{ps}}}"}}""";
            }

            string bid = (price * 0.9995).ToString("0.00", CultureInfo.InvariantCulture);
            string ask = (price * 1.0005).ToString("0.00", CultureInfo.InvariantCulture);
            string qty = (0.1 + _random.NextDouble()).ToString("0.000", CultureInfo.InvariantCulture);
            return $$$"""{"topic":"orderbook.1.{{{symbol}}}","type":"delta","seq":{{{seq}}},"ts":{{{ts}}},"data":{"s":"{{{symbol}}}","b":[["{{{bid}}}","{{{qty}}}"]],"a":[["{{{ask}}}","{{{qty}}}"]]}}""";
        }

        private static double StartPrice(string symbol) => symbol.StartsWith("BTC", StringComparison.Ordinal) ? 50_000 : symbol.StartsWith("ETH", StringComparison.Ordinal) ? 3_000 : 100;

        private async Task<bool> SendAsync(string text, CancellationToken cancel)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            using var slow = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            slow.CancelAfter(server._options.SlowConsumerTimeout);
            await _send.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, slow.Token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                // The consumer did not take the frame in time: a slow consumer is disconnected, never waited for.
                Interlocked.Increment(ref server.Stats._slowDisconnected);
                socket.Abort();
                return false;
            }
            finally
            {
                _send.Release();
            }
        }

        private async Task ReceiveAsync(CancellationToken cancel)
        {
            byte[] buffer = new byte[8192];
            while (!cancel.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                int length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length).Length == 0 ? throw new InvalidDataException("client frame over 8 KiB") : new ArraySegment<byte>(buffer, length, buffer.Length - length), cancel).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                string? reply = Handle(Encoding.UTF8.GetString(buffer, 0, length));
                if (reply is not null && !await SendAsync(reply, cancel).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        private string? Handle(string text)
        {
            string? op;
            JsonElement args = default;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(text);
                op = doc.RootElement.TryGetProperty("op", out JsonElement o) ? o.GetString() : null;
                if (doc.RootElement.TryGetProperty("args", out JsonElement a))
                {
                    args = a.Clone();
                }
            }
            catch (JsonException e)
            {
                return JsonSerializer.Serialize(new { success = false, ret_msg = $"not JSON: {e.Message}" });
            }

            switch (op)
            {
                case "ping":
                    Interlocked.Increment(ref server.Stats._pongs);
                    return """{"op":"pong","success":true}""";
                case "subscribe":
                    var topics = new List<string>();
                    if (args.ValueKind == JsonValueKind.Array)
                    {
                        foreach (JsonElement t in args.EnumerateArray())
                        {
                            topics.Add(t.GetString() ?? string.Empty);
                        }
                    }

                    foreach (string topic in topics)
                    {
                        string symbol = topic[(topic.LastIndexOf('.') + 1)..];
                        if (!server._options.Symbols.Contains(symbol))
                        {
                            return JsonSerializer.Serialize(new { op = "subscribe", success = false, ret_msg = $"unknown symbol '{symbol}' in topic '{topic}'; known: {string.Join(", ", server._options.Symbols)}" });
                        }

                        lock (_symbols)
                        {
                            if (!_symbols.Contains(symbol))
                            {
                                _symbols.Add(symbol);
                            }
                        }
                    }

                    return JsonSerializer.Serialize(new { op = "subscribe", success = true, args = topics });
                default:
                    return JsonSerializer.Serialize(new { success = false, ret_msg = $"unknown op '{op}': use ping or subscribe" });
            }
        }
    }
}
