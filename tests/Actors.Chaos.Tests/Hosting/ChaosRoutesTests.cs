using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Chaos.Tests.Hosting;

public sealed class ChaosRoutesTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Get_Status_AnswersTheContractedShape_NotRunning()
    {
        await using ChaosHost host = await ChaosHost.StartAsync();

        JsonElement body = await Json(await host.Http.GetAsync("/admin/chaos"));

        Assert.False(body.GetProperty("running").GetBoolean());
        Assert.Equal(1, body.GetProperty("rate_per_second").GetDouble());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("started_at").ValueKind);
        Assert.Equal(0, body.GetProperty("injected").GetInt64());
        JsonElement byFault = body.GetProperty("by_fault");
        Assert.Equal(0, byFault.GetProperty("fake").GetInt64());
        Assert.Equal(0, byFault.GetProperty("worker-exception").GetInt64());
        Assert.Equal(0, byFault.GetProperty("memory-pressure").GetInt64());
        Assert.Equal(0, body.GetProperty("recent").GetArrayLength());
        Assert.Equal(0, body.GetProperty("recent_total").GetInt32());
    }

    [Fact]
    public async Task PostStart_WithoutToken_Answers401_AndDoesNotStart()
    {
        await using ChaosHost host = await ChaosHost.StartAsync();

        using HttpResponseMessage response = await host.PostAsync("/admin/chaos/start", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False((await Json(await host.Http.GetAsync("/admin/chaos"))).GetProperty("running").GetBoolean());
    }

    [Theory]
    [InlineData("999")]
    [InlineData("often")]
    [InlineData("0")]
    public async Task PostStart_BadRate_Answers400ProblemWithTheAllowedRange(string rate)
    {
        await using ChaosHost host = await ChaosHost.StartAsync();

        using HttpResponseMessage response = await host.PostAsync($"/admin/chaos/start?rate={rate}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("from 1/h to 20/s", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await Json(await host.Http.GetAsync("/admin/chaos"))).GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task PostStartThenStop_InjectsOnVirtualTime_ThenStopsAndClearsTheStandingFault()
    {
        await using ChaosHost host = await ChaosHost.StartAsync();

        JsonElement started = await Json(await host.PostAsync("/admin/chaos/start?rate=2"));
        Assert.True(started.GetProperty("running").GetBoolean());
        Assert.Equal(2, started.GetProperty("rate_per_second").GetDouble());
        Assert.NotEqual(JsonValueKind.Null, started.GetProperty("started_at").ValueKind);

        Task<Actors.Chaos.Monkey.ChaosInjectionRecord> next = host.NextInjection();
        host.Scheduler.Advance(TimeSpan.FromMilliseconds(500));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
        JsonElement running = await Json(await host.Http.GetAsync("/admin/chaos"));
        Assert.Equal(1, running.GetProperty("injected").GetInt64());
        Assert.Equal(1, running.GetProperty("by_fault").GetProperty("fake").GetInt64());
        JsonElement recent = running.GetProperty("recent")[0];
        Assert.Equal("fake", recent.GetProperty("fault").GetString());
        Assert.Equal("fake-target", recent.GetProperty("target").GetString());
        Assert.Equal("injection 1", recent.GetProperty("detail").GetString());
        Assert.True(recent.TryGetProperty("at", out _));
        Assert.True(host.Fault.Standing);

        JsonElement stopped = await Json(await host.PostAsync("/admin/chaos/stop"));

        Assert.False(stopped.GetProperty("running").GetBoolean());
        Assert.Equal(1, stopped.GetProperty("injected").GetInt64());
        Assert.False(host.Fault.Standing);
        Assert.Equal(0, stopped.GetProperty("clear_errors").GetArrayLength());
    }

    [Fact]
    public async Task PostStop_WithoutToken_Answers401()
    {
        await using ChaosHost host = await ChaosHost.StartAsync();
        using HttpResponseMessage response = await host.PostAsync("/admin/chaos/stop", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_BadLimit_Answers400Problem()
    {
        await using ChaosHost host = await ChaosHost.StartAsync();
        using HttpResponseMessage response = await host.Http.GetAsync("/admin/chaos?limit=-3");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit must be", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnabledAtStart_On_RunsAsSoonAsTheHostIsUp()
    {
        await using ChaosHost host = await ChaosHost.StartAsync("actors.chaos.enabled-at-start = on");
        Actors.Chaos.Hosting.ChaosRuntime runtime = Actors.Chaos.Hosting.ChaosRuntime.Get(host.System)!;
        Assert.True((await runtime.StatusAsync()).Running);
    }

    [Fact]
    public void WithChaos_CalledTwice_Throws()
    {
        var services = new ServiceCollection();
        InvalidOperationException? error = null;
        Akka.Hosting.AkkaHostingExtensions.AddAkka(services, "twice", builder =>
        {
            Actors.Chaos.Hosting.ChaosHostingExtensions.WithChaos(builder);
            error = Assert.Throws<InvalidOperationException>(() => Actors.Chaos.Hosting.ChaosHostingExtensions.WithChaos(builder));
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        _ = provider.GetService<Akka.Hosting.AkkaConfigurationBuilder>();
        Assert.NotNull(error);
    }
}
