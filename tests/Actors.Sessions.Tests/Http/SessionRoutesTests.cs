using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Actors.Cmd;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Samples.Upstream;
using Actors.Sessions.Hosting;
using Actors.Sessions.Tests.Support;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Sessions.Tests.Http;

/// <summary>The service's routes on a real host (Akka.Hosting, WithSessions, admin endpoints on Kestrel) over real HTTP.</summary>
public sealed class SessionRoutesTests : IAsyncLifetime
{
    private const string Token = "test-token";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private UpstreamServer _upstream = null!;
    private IHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _upstream = await UpstreamServer.StartAsync();
        string dir = Path.Combine(Path.GetTempPath(), "actors-sessions-tests", Guid.NewGuid().ToString("N"));
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("routes-" + Guid.NewGuid().ToString("N")[..8], akka => akka
            .WithSessions(o =>
            {
                o.Upstream = _upstream.WebSocketUrl;
                o.DataDirectory = dir;
                o.OutboxCapacity = 3;
            })
            .WithAdminEndpoints(a =>
            {
                a.Port = 0;
                a.Token = Token;
            })
            .WithCmd(cmd =>
            {
                cmd.Port = 0;
                cmd.Token = Token;
            }));
        _host = builder.Build();
        await _host.StartAsync().WaitAsync(s_timeout);
        ActorSystem system = _host.Services.GetRequiredService<ActorSystem>();
        Uri url = await AdminEndpoints.Get(system)!.WhenListening.WaitAsync(s_timeout);
        _http = new HttpClient { BaseAddress = url, Timeout = s_timeout };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.StopAsync().WaitAsync(s_timeout);
        _host.Dispose();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Send_WithKey_Answers202WithTheKey_AndTheUpstreamGetsIt()
    {
        using HttpResponseMessage response = await Send("web-1", """{"to": "+4915100000", "text": "hello", "key": "order-17"}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("order-17", body.GetProperty("key").GetString());
        Assert.Equal("web-1", body.GetProperty("instance_id").GetString());
        await AwaitDelivered("web-1", 1);
        Assert.Equal(["order-17"], _upstream.State.Find("web-1")!.Keys);
    }

    [Fact]
    public async Task Send_WithoutKey_GeneratesOne_AndAccessTokenQueryCountsAsBearer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/send?instance_id=web-2&access_token={Token}") { Content = new StringContent("""{"to": "+1", "text": "hi"}""", Encoding.UTF8, "application/json") };
        using HttpResponseMessage response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        string key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        Assert.Equal(32, key.Length);
    }

    [Fact]
    public async Task Send_BadInput_Answers400ProblemsThatSayWhatAndWhere()
    {
        using HttpResponseMessage noId = await Send(null, """{"to": "+1", "text": "x"}""");
        await AssertProblem(noId, HttpStatusCode.BadRequest, "instance_id");
        using HttpResponseMessage notJson = await Send("web-3", "{to: ");
        await AssertProblem(notJson, HttpStatusCode.BadRequest, "not JSON");
        using HttpResponseMessage noTo = await Send("web-3", """{"text": "x"}""");
        await AssertProblem(noTo, HttpStatusCode.BadRequest, "\"to\"");
    }

    [Fact]
    public async Task Send_WithoutToken_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/send?instance_id=web-4") { Content = new StringContent("""{"to": "+1", "text": "hi"}""", Encoding.UTF8, "application/json") };
        using HttpResponseMessage response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Send_OverCapacity_Answers429QueueFull_AndKeepsNothingMore()
    {
        _upstream.State.SetFaults("full-1", new FaultSettings { DropAcks = true });
        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage ok = await Send("full-1", $$"""{"to": "+1", "text": "m{{i}}", "key": "k{{i}}"}""");
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }

        using HttpResponseMessage full = await Send("full-1", """{"to": "+1", "text": "m3", "key": "k3"}""");
        JsonElement problem = await AssertProblem(full, (HttpStatusCode)429, "Queue full");
        Assert.Equal("queue full", problem.GetProperty("title").GetString());
        JsonElement status = await _http.GetFromJsonAsync<JsonElement>("/queue-status/full-1");
        Assert.Equal(3, status.GetProperty("pending").GetInt32());
        Assert.Equal(3, status.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task GetQrCode_ThenInstance_ShowReadySessionAndItsQueue()
    {
        JsonElement qr = await _http.GetFromJsonAsync<JsonElement>("/get_qrcode?instance_id=web-5");
        Assert.Equal("ready", qr.GetProperty("state").GetString());
        JsonElement instance = await _http.GetFromJsonAsync<JsonElement>("/instance?instance_id=web-5");
        Assert.Equal("ready", instance.GetProperty("session").GetProperty("state").GetString());
        Assert.Equal(0, instance.GetProperty("queue").GetProperty("pending").GetInt32());
        using HttpResponseMessage missing = await _http.GetAsync("/instance");
        await AssertProblem(missing, HttpStatusCode.BadRequest, "instance_id");
    }

    [Fact]
    public async Task ResetCircuitBreaker_RunningAndUnknownInstances()
    {
        await _http.GetFromJsonAsync<JsonElement>("/get_qrcode?instance_id=web-6");
        using HttpResponseMessage ok = await Post("/reset-circuit-breaker/web-6");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Closed", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        using HttpResponseMessage unknown = await Post("/reset-circuit-breaker/nobody");
        await AssertProblem(unknown, HttpStatusCode.NotFound, "GET /sessions");
        using HttpResponseMessage all = await Post("/reset-circuit-breakers");
        Assert.True((await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instances").GetInt32() >= 1);
    }

    [Fact]
    public async Task PbmSessionsPalette_SendQueueShowListAndTokenCheck()
    {
        ActorSystem system = _host.Services.GetRequiredService<ActorSystem>();
        System.Net.IPEndPoint endpoint = CommandServer.Get(system)!.Endpoint;
        await using ICmdClient anonymous = await CmdClient.ConnectAsync(new CmdClientOptions { Host = endpoint.Address.ToString(), Port = endpoint.Port });
        IReadOnlyList<CmdResponse> refused = await anonymous.ExecuteToListAsync("sessions", "send", new Dictionary<string, string?> { ["id"] = "pbm-1", ["to"] = "+1", ["text"] = "hi" });
        Assert.Equal(CmdErrorCodes.AuthenticationRequired, refused[^1].ErrorCode);

        await using ICmdClient pbm = await CmdClient.ConnectAsync(new CmdClientOptions { Host = endpoint.Address.ToString(), Port = endpoint.Port, Token = Token });
        IReadOnlyList<CmdResponse> sent = await pbm.ExecuteToListAsync("sessions", "send", new Dictionary<string, string?> { ["id"] = "pbm-1", ["to"] = "+1", ["text"] = "hi", ["key"] = "pbm-key" });
        Assert.StartsWith("accepted pbm-key", sent[0].Text, StringComparison.Ordinal);
        await AwaitDelivered("pbm-1", 1);
        IReadOnlyList<CmdResponse> queue = await pbm.ExecuteToListAsync("sessions", "queue", new Dictionary<string, string?> { ["id"] = "pbm-1" });
        Assert.Contains("delivered 1", queue[0].Text, StringComparison.Ordinal);
        IReadOnlyList<CmdResponse> show = await pbm.ExecuteToListAsync("sessions", "show", new Dictionary<string, string?> { ["id"] = "pbm-1" });
        Assert.Contains("ready", show[0].Text, StringComparison.Ordinal);
        IReadOnlyList<CmdResponse> list = await pbm.ExecuteToListAsync("sessions", "list", new Dictionary<string, string?> { ["limit"] = "1" });
        Assert.Contains("pbm-1", list[0].Text, StringComparison.Ordinal);
        Assert.Matches(@"(1 session|showing 1 of \d+ sessions)", list[0].Text);
        IReadOnlyList<CmdResponse> badLimit = await pbm.ExecuteToListAsync("sessions", "list", new Dictionary<string, string?> { ["limit"] = "-3" });
        Assert.Equal(CmdErrorCodes.BadArguments, badLimit[^1].ErrorCode);
    }

    private async Task AwaitDelivered(string id, int n)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        using var cts = new CancellationTokenSource(s_timeout);
        while (await poll.WaitForNextTickAsync(cts.Token))
        {
            JsonElement status = await _http.GetFromJsonAsync<JsonElement>($"/queue-status/{id}", cts.Token);
            if (status.GetProperty("delivered_total").GetInt64() == n)
            {
                return;
            }
        }
    }

    private Task<HttpResponseMessage> Send(string? id, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, id is null ? "/send" : $"/send?instance_id={id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> Post(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return _http.SendAsync(request);
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem.GetRawText(), StringComparison.Ordinal);
        return problem;
    }
}
