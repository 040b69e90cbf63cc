using System.Net;
using Actors.Samples.Exchange;

namespace Actors.Feeds.Tests.Samples;

/// <summary>The sample exchange itself, over real sockets: its control endpoint.</summary>
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
}
