using System.Net;
using System.Text.Json;

namespace Actors.Hosting.Tests.Admin;

/// <summary>Every admin endpoint over a real Kestrel on a free loopback port, through HttpClient.</summary>
public sealed class AdminEndpointsTests
{
    private static readonly string[] s_summaryFields =
    [
        "status", "total_instances", "active_connections", "connecting", "circuit_breaker_activations",
        "total_retry_attempts", "total_recent_failures", "health_score", "as_of", "age_seconds", "stale",
    ];

    [Fact]
    public async Task Health_Get_ReturnsTheSummaryWithItsFixedNames()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("127.0.0.1", admin.Url.Host);
        Assert.NotEqual(0, admin.Url.Port);

        using HttpResponseMessage response = await admin.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        JsonElement body = await Json(response);
        Assert.Equal(s_summaryFields.Order(StringComparer.Ordinal), body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "healthy", "warning", "critical" });
        Assert.InRange(body.GetProperty("health_score").GetInt32(), 0, 100);
    }

    [Fact]
    public async Task HealthDetailed_Get_ReturnsSummaryKindsInstancesAndResources()
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Http.GetAsync("/health/detailed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await Json(response);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("summary").ValueKind);
        Assert.True(body.GetProperty("summary").TryGetProperty("health_score", out _));
        foreach (string field in new[] { "reasons", "kinds", "instances" })
        {
            Assert.Equal(JsonValueKind.Array, body.GetProperty(field).ValueKind);
        }

        Assert.Equal(JsonValueKind.Object, body.GetProperty("resources").ValueKind);
        Assert.True(body.TryGetProperty("error_rate", out _));
    }

    [Fact]
    public async Task Errors_AfterAWorkerFailure_ShowsItWithoutStackTrace()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));

        await admin.Fail("a");
        using HttpResponseMessage response = await admin.Http.GetAsync("/admin/errors?count=10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        JsonElement body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(1, body.GetProperty("stats").GetProperty("total").GetInt64());
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        JsonElement entry = Assert.Single(body.GetProperty("recent").EnumerateArray());
        Assert.Equal("echo", entry.GetProperty("unit_kind").GetString());
        Assert.Equal("a", entry.GetProperty("unit_id").GetString());
        Assert.Equal(typeof(InvalidOperationException).FullName, entry.GetProperty("exception_type").GetString());
        Assert.Equal("boom at a", entry.GetProperty("message").GetString());
        Assert.False(entry.TryGetProperty("stack_trace", out _));
        Assert.DoesNotContain(" at Actors.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("100000")]
    public async Task Errors_InvalidCount_Answers400Problem(string count)
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Http.GetAsync("/admin/errors?count=" + count);

        JsonElement problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("count must be", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_Get_ReturnsSampleThresholdsAndActions()
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Http.GetAsync("/admin/memory");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await Json(response);
        Assert.Equal(0.75, body.GetProperty("soft_threshold").GetDouble());
        Assert.Equal(0.90, body.GetProperty("hard_threshold").GetDouble());
        Assert.False(body.GetProperty("overloaded").GetBoolean());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("actions").ValueKind);
    }

    [Fact]
    public async Task Cleanup_PostWithToken_RunsCleanupAndJournalsIt()
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Post("/admin/cleanup");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement action = await Json(response);
        Assert.Equal("cleanup", action.GetProperty("kind").GetString());
        Assert.Equal("manual", action.GetProperty("trigger").GetString());
        using HttpResponseMessage memory = await admin.Http.GetAsync("/admin/memory");
        Assert.Contains((await Json(memory)).GetProperty("actions").EnumerateArray(), a => a.GetProperty("sequence").GetInt64() == action.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Emergency_PostWithToken_StopsNonCriticalUnitsAndRefusesWork()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));

        using HttpResponseMessage response = await admin.Post("/admin/emergency");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("emergency", (await Json(response)).GetProperty("kind").GetString());
        using HttpResponseMessage memory = await admin.Http.GetAsync("/admin/memory");
        Assert.True((await Json(memory)).GetProperty("overloaded").GetBoolean());
    }

    [Theory]
    [InlineData("/admin/cleanup")]
    [InlineData("/admin/emergency")]
    [InlineData("/units/echo/a/reset-breaker")]
    [InlineData("/units/echo/reset-breakers")]
    public async Task Post_WithoutToken_Answers401ProblemWithWwwAuthenticate(string path)
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Post(path, token: null);

        await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Post_WithWrongToken_Answers401InvalidToken()
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Post("/admin/cleanup", token: "wrong");

        await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OnLoopbackWithNoTokenConfigured_IsRefusedNamingTheSetting()
    {
        await using AdminHost admin = await AdminHost.StartAsync(o => o.Token = string.Empty);

        using HttpResponseMessage get = await admin.Http.GetAsync("/health");
        using HttpResponseMessage post = await admin.Post("/admin/cleanup", token: "anything");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        JsonElement problem = await AssertProblem(post, HttpStatusCode.Unauthorized);
        Assert.Contains("actors.admin.token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_ListKnownKind_ReturnsItsLiveInstances()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));
        Assert.Equal("b:hi", await admin.Tell("b", "hi"));

        using HttpResponseMessage response = await admin.Http.GetAsync("/units/echo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await Json(response);
        Assert.Equal("echo", body.GetProperty("kind").GetString());
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.Equal(["a", "b"], body.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Units_GetInstance_ReturnsStateAndBreaker()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));

        using HttpResponseMessage response = await admin.Http.GetAsync("/units/echo/a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await Json(response);
        Assert.Equal("a", body.GetProperty("id").GetString());
        Assert.Equal("running", body.GetProperty("state").GetString());
        Assert.Equal("closed", body.GetProperty("breaker").GetString());
    }

    [Theory]
    [InlineData("GET", "/units/nope", "Unknown unit kind 'nope'")]
    [InlineData("GET", "/units/nope/a", "Unknown unit kind 'nope'")]
    [InlineData("GET", "/units/echo/zz", "No live instance 'zz'")]
    [InlineData("POST", "/units/echo/zz/reset-breaker", "No live instance 'zz'")]
    [InlineData("POST", "/units/nope/reset-breakers", "Unknown unit kind 'nope'")]
    [InlineData("GET", "/no/such/endpoint", "No admin endpoint")]
    public async Task Unknown_KindIdOrPath_Answers404Problem(string method, string path, string detail)
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage response = await admin.Http.SendAsync(AdminHost.Request(new HttpMethod(method), path, AdminHost.Token));

        JsonElement problem = await AssertProblem(response, HttpStatusCode.NotFound);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetBreaker_PostWithToken_ClosesTheInstancesBreaker()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));

        using HttpResponseMessage response = await admin.Post("/units/echo/a/reset-breaker");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await Json(response);
        Assert.Equal("echo", body.GetProperty("kind").GetString());
        Assert.Equal("a", body.GetProperty("id").GetString());
        Assert.Equal("Closed", body.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ResetBreakers_PostWithToken_CountsTheInstancesOfTheKind()
    {
        await using AdminHost admin = await AdminHost.StartAsync();
        Assert.Equal("a:hi", await admin.Tell("a", "hi"));
        Assert.Equal("b:hi", await admin.Tell("b", "hi"));

        using HttpResponseMessage response = await admin.Post("/units/echo/reset-breakers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement body = await Json(response);
        Assert.Equal(2, body.GetProperty("instances").GetInt32());
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Checks the RFC 7807 shape: the media type, type/title/status/detail, and nothing that looks like a stack trace.</summary>
    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        string text = await response.Content.ReadAsStringAsync();
        JsonElement problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("stack", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
        return problem;
    }
}
