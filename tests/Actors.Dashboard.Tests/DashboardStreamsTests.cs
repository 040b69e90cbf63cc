using System.Net;
using System.Text.Json;
using Actors.Resilience.Health;

namespace Actors.Dashboard.Tests;

/// <summary>The two server-sent event streams the page follows, over plain HTTP.</summary>
public sealed class DashboardStreamsTests
{
    [Fact]
    public async Task WatchDetailed_FirstEventIsTheDetailedHealth_ThenEachPublishedSnapshot()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        await using SseReader stream = await SseReader.Open(host.Http, "/health/watch/detailed");
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);

        (string type, JsonElement first) = await stream.Next();
        Assert.Equal("health", type);
        Assert.Equal(0, first.GetProperty("summary").GetProperty("total_instances").GetInt32());
        Assert.Equal(JsonValueKind.Object, first.GetProperty("resources").ValueKind);
        Assert.True(first.GetProperty("resources").GetProperty("working_set_bytes").GetInt64() > 0);

        Assert.Equal("a:hi", await host.Tell("a", "hi"));
        host.System.EventStream.Publish(new WorkloadCounters("feed/TEST", new Dictionary<string, long> { ["confirmed"] = 7 }));
        JsonElement health = await host.Health();

        // The snapshot GET /health asked for is pushed as well: the stream's latest numbers equal its answer.
        JsonElement latest = first;
        while (latest.GetProperty("summary").GetProperty("total_instances").GetInt32() != health.GetProperty("total_instances").GetInt32()
            || latest.GetProperty("counters").GetArrayLength() == 0)
        {
            (_, latest) = await stream.Next();
        }

        Assert.Equal(1, latest.GetProperty("summary").GetProperty("total_instances").GetInt32());
        Assert.Equal(health.GetProperty("health_score").GetInt32(), latest.GetProperty("summary").GetProperty("health_score").GetInt32());
        JsonElement counters = Assert.Single(latest.GetProperty("counters").EnumerateArray());
        Assert.Equal("feed/TEST", counters.GetProperty("owner").GetString());
        Assert.Equal(7, counters.GetProperty("counters").GetProperty("confirmed").GetInt64());
    }

    [Fact]
    public async Task ErrorsWatch_SendsTheBacklogThenEachNewFailure_WithoutStackTraces()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        Assert.Equal("a:hi", await host.Tell("a", "hi"));
        Assert.Equal("b:hi", await host.Tell("b", "hi"));
        await host.Fail("a");

        await using SseReader stream = await SseReader.Open(host.Http, "/admin/errors/watch?backlog=5");
        (string type, JsonElement backlog) = await stream.Next();
        await host.Fail("b");
        (string type2, JsonElement live) = await stream.Next();

        Assert.Equal("error", type);
        Assert.Equal("a", backlog.GetProperty("unit_id").GetString());
        Assert.Equal(1, backlog.GetProperty("sequence").GetInt64());
        Assert.Equal("error", type2);
        Assert.Equal("b", live.GetProperty("unit_id").GetString());
        Assert.Equal("boom at b", live.GetProperty("message").GetString());
        Assert.Equal(2, live.GetProperty("sequence").GetInt64());
        Assert.False(live.TryGetProperty("stack_trace", out _));
    }

    [Fact]
    public async Task Streams_WhenTheNodeStops_EndAtOnceAndDoNotHoldTheShutdown()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        await using SseReader health = await SseReader.Open(host.Http, "/health/watch/detailed");
        await using SseReader errors = await SseReader.Open(host.Http, "/admin/errors/watch?backlog=0");
        await health.Next();

        // Kestrel would wait 30 s for open requests before aborting them; the streams end when stopping begins.
        await host.Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<InvalidOperationException>(health.Next);
        await Assert.ThrowsAsync<InvalidOperationException>(errors.Next);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("100000")]
    public async Task ErrorsWatch_InvalidBacklog_Answers400Problem(string backlog)
    {
        await using DashboardHost host = await DashboardHost.StartAsync();

        using HttpResponseMessage response = await host.Http.GetAsync($"/admin/errors/watch?backlog={backlog}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("backlog must be", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
