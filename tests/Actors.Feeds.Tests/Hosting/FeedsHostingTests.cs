using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Actors.Cmd;
using Actors.Feeds.Confirm;
using Actors.Feeds.Hosting;
using Actors.Feeds.Tests.Support;
using Actors.Feeds.Units;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Samples.Exchange;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Feeds.Tests.Hosting;

/// <summary>
/// A real host (Akka.Hosting, Kestrel admin endpoints, the command server, real sockets) running feeds against the
/// sample exchange, with a corrupt optional settings file, a confirm endpoint, GET /feeds and pbm feeds.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FeedsHostingTests : IAsyncLifetime
{
    private const string Token = "feeds-test-token";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "actors-feeds-" + Guid.NewGuid().ToString("N")[..8]);
    private ExchangeServer _exchange = null!;
    private FakeConfirmEndpoint _confirm = null!;
    private IHost _host = null!;
    private readonly StringWriter _console = new();

    public async Task InitializeAsync()
    {
        _exchange = await ExchangeServer.StartAsync(new ExchangeOptions { Interval = TimeSpan.FromMilliseconds(5) });
        _confirm = await FakeConfirmEndpoint.StartAsync();
        _confirm.Otherwise = new FakeAnswer.Body("```json\n{\"bias\": 0.9}\n```");
        Directory.CreateDirectory(_dir);
        await File.WriteAllTextAsync(Path.Combine(_dir, "feeds.conf"), "actors.feeds { symbols = [BTCUSDT, \n");
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("feeds-" + Guid.NewGuid().ToString("N")[..6], akka => akka
            .AddHocon(Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING"), HoconAddMode.Prepend)
            .AddStrictHoconFile(Path.Combine(_dir, "feeds.conf"), f =>
            {
                f.Optional = true;
                f.Console = _console;
            })
            .WithFeeds(o =>
            {
                o.Url = _exchange.WebSocketUrl;
                o.Symbols.Add("BTCUSDT");
                o.Symbols.Add("ETHUSDT");
                o.FastPeriod = 2;
                o.SlowPeriod = 3;
                o.Confirm.Url = _confirm.Url;
                o.Confirm.Timeout = TimeSpan.FromSeconds(2);
                o.MinBackoff = TimeSpan.FromMilliseconds(50);
            })
            .WithAdminEndpoints(a =>
            {
                a.Port = 0;
                a.Token = Token;
            })
            .WithCmd(c =>
            {
                c.Port = 0;
                c.Token = Token;
            }));
        _host = builder.Build();
        await _host.StartAsync().WaitAsync(Wait);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(Wait);
        _host.Dispose();
        await _confirm.DisposeAsync();
        await _exchange.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    [Fact]
    public async Task Host_CorruptOptionalSettingsFile_MovedAsideWithWarningAndFeedsRunOnDefaults()
    {
        Assert.False(File.Exists(Path.Combine(_dir, "feeds.conf")));
        Assert.Single(Directory.GetFiles(_dir, "feeds.conf.corrupted.*"));
        Assert.Contains("feeds.conf", _console.ToString(), StringComparison.Ordinal);
        FeedsRuntime feeds = FeedsRuntime.Get(System)!;
        Assert.Equal(TimeSpan.FromSeconds(10), feeds.Options.StaleAfter);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], feeds.Options.Symbols);
    }

    [Fact]
    public async Task GetFeeds_RunningFeeds_ListsAndShowsWithSnakeCaseFields()
    {
        Uri url = await AdminEndpoints.Get(System)!.WhenListening.WaitAsync(Wait);
        using var http = new HttpClient { BaseAddress = url };
        FeedsRuntime feeds = FeedsRuntime.Get(System)!;
        // The health aggregator publishes its snapshot at most once a second: wait until it has seen the instance.
        var operations = new Actors.Feeds.Operations.FeedOperations(System, feeds);
        await WaitUntil(() => feeds.Registry.For("BTCUSDT").Frames > 0 && feeds.Registry.For("ETHUSDT").Frames > 0 && operations.UnitState("BTCUSDT") == "Running");

        JsonElement list = await http.GetFromJsonAsync<JsonElement>("/feeds");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(50, list.GetProperty("limit").GetInt32());
        Assert.Equal(["BTCUSDT", "ETHUSDT"], list.GetProperty("feeds").EnumerateArray().Select(f => f.GetProperty("symbol").GetString()));

        JsonElement one = await http.GetFromJsonAsync<JsonElement>("/feeds/BTCUSDT");
        JsonElement feed = one.GetProperty("feed");
        Assert.Equal("streaming", feed.GetProperty("state").GetString());
        Assert.True(feed.GetProperty("last_tick_age_seconds").GetDouble() >= 0);
        Assert.Equal(0, feed.GetProperty("reconnects").GetInt64());
        Assert.True(feed.GetProperty("disconnects").TryGetProperty("stale", out _));
        Assert.True(feed.GetProperty("confirm").TryGetProperty("fallbacks", out _));
        Assert.True(feed.GetProperty("paper").GetProperty("book").TryGetProperty("position", out _));
        Assert.Equal("Running", one.GetProperty("unit_state").GetString());

        using HttpResponseMessage unknown = await http.GetAsync("/feeds/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        string problem = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("no feed for symbol 'NOPE'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);

        using HttpResponseMessage bad = await http.GetAsync("/feeds?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("limit must be a whole number from 1 to 1000", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signals_ConfirmEndpointAnswersFencedBias_ConfirmedAndPaperFilled()
    {
        FeedsRuntime feeds = FeedsRuntime.Get(System)!;
        await WaitUntil(() => feeds.Registry.All().Sum(f => f.ConfirmCount(ConfirmOutcome.Confirmed)) >= 2 && feeds.Registry.All().Sum(f => f.Book.Read(1).Fills) >= 1);
        Assert.True(_confirm.Requests >= 2);
        Assert.All(feeds.Registry.All(), f => Assert.Equal(0, f.ConfirmCount(ConfirmOutcome.Malformed)));

        // Each outcome is counted in health too: GET /health/detailed carries the feeds' confirm counters.
        Uri url = await Actors.Hosting.Admin.AdminEndpoints.Get(System)!.WhenListening.WaitAsync(Wait);
        using var http = new HttpClient { BaseAddress = url };
        await WaitUntilAsync(async () =>
        {
            using global::System.Text.Json.JsonDocument details = global::System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health/detailed"));
            long confirmed = details.RootElement.GetProperty("counters").EnumerateArray()
                .Where(c => c.GetProperty("owner").GetString()!.StartsWith("feed/", StringComparison.Ordinal))
                .Sum(c => c.GetProperty("counters").GetProperty("confirmed").GetInt64());
            return confirmed >= 2;
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(Wait);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            Assert.True(await poll.WaitForNextTickAsync(cts.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default), "the condition did not hold in time");
        }
    }

    [Fact]
    public async Task Pbm_FeedsListShowRestart_TablesCountsAndTokenForRestart()
    {
        FeedsRuntime feeds = FeedsRuntime.Get(System)!;
        await WaitUntil(() => feeds.Registry.For("BTCUSDT").Frames > 0);
        CommandServer server = CommandServer.Get(System)!;
        await using ICmdClient reader = await CmdClient.ConnectAsync(new CmdClientOptions { Port = server.Endpoint.Port });
        string list = Text(await reader.ExecuteToListAsync("feeds", "list"));
        Assert.Contains("BTCUSDT", list, StringComparison.Ordinal);
        Assert.Contains("2 feeds", list, StringComparison.Ordinal);
        Assert.Contains("showing 1 of 2 feeds", Text(await reader.ExecuteToListAsync("feeds", "list", new Dictionary<string, string?> { ["limit"] = "1" })), StringComparison.Ordinal);
        Assert.Contains("reconnects", Text(await reader.ExecuteToListAsync("feeds", "show", new Dictionary<string, string?> { ["symbol"] = "BTCUSDT" })), StringComparison.Ordinal);

        IReadOnlyList<CmdResponse> refused = await reader.ExecuteToListAsync("feeds", "restart", new Dictionary<string, string?> { ["symbol"] = "BTCUSDT" });
        Assert.Equal("auth-required", refused[^1].ErrorCode);

        await using ICmdClient admin = await CmdClient.ConnectAsync(new CmdClientOptions { Port = server.Endpoint.Port, Token = Token });
        Assert.Contains("connection aborted", Text(await admin.ExecuteToListAsync("feeds", "restart", new Dictionary<string, string?> { ["symbol"] = "BTCUSDT" })), StringComparison.Ordinal);
        await WaitUntil(() => feeds.Registry.For("BTCUSDT").Reconnects >= 1);
        IReadOnlyList<CmdResponse> unknown = await admin.ExecuteToListAsync("feeds", "show", new Dictionary<string, string?> { ["symbol"] = "NOPE" });
        Assert.Equal("not-found", unknown[^1].ErrorCode);
    }

    private static string Text(IReadOnlyList<CmdResponse> responses) => string.Join("\n", responses.Select(r => r.Text));

    private static async Task WaitUntil(Func<bool> condition)
    {
        // Polls a condition the feeds reach on their own (frames, signals) with a deadline; the wait is a timer tick, not a sleep.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        using var deadline = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await timer.WaitForNextTickAsync(deadline.Token);
        }
    }
}
