using System.Net;
using System.Text.Json;
using Actors.Resilience.Health;

namespace Actors.Hosting.Tests.Admin;

/// <summary>GET /units, GET /breakers[/{kind}] and the server-sent /health/watch over a real Kestrel on loopback.</summary>
public sealed class AdminListingEndpointsTests
{
    [Fact]
    public async Task Units_GetWithoutKind_ListsEveryKindWithItsInstances()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("b:hi", await admin.Tell("b", "hi"));
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));

        using HttpResponseMessage response = await admin.Http.GetAsync("/units");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement[] kinds = [.. (await AdminEndpointsTests.Json(response)).EnumerateArray()];
        Assert.Equal(kinds.Select(k => k.GetProperty("kind").GetString()).Order(StringComparer.Ordinal), kinds.Select(k => k.GetProperty("kind").GetString()));
        JsonElement echo = Assert.Single(kinds, k => k.GetProperty("kind").GetString() == "echo");
        Assert.Equal(2, echo.GetProperty("total").GetInt32());
        Assert.Equal(["a", "b"], echo.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("running", echo.GetProperty("instances")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Breakers_GetAllAndByKind_ShowStateFailuresAndRetryAfter()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));
        Assert.Equal("b:hi", await admin.Tell("b", "hi"));
        await admin.Fail("b");

        using HttpResponseMessage all = await admin.Http.GetAsync("/breakers");
        using HttpResponseMessage echo = await admin.Http.GetAsync("/breakers/echo");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        JsonElement allPage = await AdminEndpointsTests.Json(all);
        Assert.Equal(2, allPage.GetProperty("total").GetInt32());
        Assert.Equal(["echo/a", "echo/b"], allPage.GetProperty("breakers").EnumerateArray().Select(b => $"{b.GetProperty("kind").GetString()}/{b.GetProperty("id").GetString()}"));
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        JsonElement[] breakers = [.. (await AdminEndpointsTests.Json(echo)).GetProperty("breakers").EnumerateArray()];
        Assert.Equal(["closed", "closed"], breakers.Select(b => b.GetProperty("state").GetString()));
        Assert.Equal(1, breakers[1].GetProperty("failures").GetInt32());
        Assert.Equal("00:00:00", breakers[1].GetProperty("retry_after").GetString());
        Assert.True(breakers[1].TryGetProperty("reset_timeout", out _));
    }

    [Fact]
    public async Task Breakers_UnknownKind_Answers404Problem()
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Http.GetAsync("/breakers/nope");

        JsonElement problem = await AdminEndpointsTests.AssertProblem(response, HttpStatusCode.NotFound);
        Assert.Contains("Unknown unit kind 'nope'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthWatch_StreamsServerSentEvents_CurrentSummaryThenEachChange()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        using var request = AdminHost.Request(HttpMethod.Get, "/health/watch");
        using HttpResponseMessage response = await admin.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        JsonElement first = await NextEvent(reader);
        Assert.Equal(0, first.GetProperty("total_instances").GetInt32());

        // A new instance changes the summary; asking for a fresh snapshot publishes it to the watchers.
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));
        await admin.Runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, TestHost.Timeout);

        JsonElement second = await NextEvent(reader);
        Assert.Equal(1, second.GetProperty("total_instances").GetInt32());
    }

    /// <summary>Reads one server-sent event of type "health" and returns its data.</summary>
    private static async Task<JsonElement> NextEvent(StreamReader reader)
    {
        string? type = null;
        string? data = null;
        while (await reader.ReadLineAsync().WaitAsync(TestHost.Timeout) is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                Assert.Equal("health", type);
                return JsonDocument.Parse(data).RootElement.Clone();
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
