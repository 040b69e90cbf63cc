using System.Net;
using System.Net.WebSockets;
using System.Text;
using Actors.Samples.Exchange;

namespace Actors.Feeds.Tests.Samples;

/// <summary>The sample exchange itself, over real sockets: the control endpoint and its slow-consumer policy.</summary>
[Trait("Category", "Integration")]
public sealed class ExchangeServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Control_UnknownFaultOrBadCount_ProblemNamingTheFix()
    {
        await using ExchangeServer exchange = await ExchangeServer.StartAsync();
        using var http = new HttpClient { BaseAddress = exchange.Url };
        using HttpResponseMessage unknown = await http.PostAsync("/control/explode", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("use one of drop, stall, garbage, skip, refuse, burst", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage bad = await http.PostAsync("/control/drop?count=0", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using HttpResponseMessage ok = await http.PostAsync("/control/refuse?count=2", null);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task SlowConsumer_NeverReads_DisconnectedInsteadOfBlockingTheExchange()
    {
        await using ExchangeServer exchange = await ExchangeServer.StartAsync(new ExchangeOptions { Interval = TimeSpan.FromMilliseconds(1), SlowConsumerTimeout = TimeSpan.FromMilliseconds(300), Symbols = ["BTCUSDT"] });
        using var socket = new ClientWebSocket();
        socket.Options.SetBuffer(1024, 1024);
        await socket.ConnectAsync(exchange.WebSocketUrl, CancellationToken.None).WaitAsync(Wait);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":"subscribe","args":["tickers.BTCUSDT"]}"""), WebSocketMessageType.Text, true, CancellationToken.None);

        // The client never reads: once the socket buffers are full, a send cannot finish and the exchange drops it.
        exchange.Faults.Arm("burst", 200_000);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        using var deadline = new CancellationTokenSource(Wait);
        while (exchange.Stats.SlowDisconnected == 0 || exchange.Stats.Open != 0)
        {
            await timer.WaitForNextTickAsync(deadline.Token);
        }

        Assert.Equal(1, exchange.Stats.SlowDisconnected);
        Assert.Equal(0, exchange.Stats.Open);
    }
}
