using System.Net;
using System.Text.Json;
using Actors.Hosting.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Actors.Hosting.Tests.Admin;

/// <summary>Routes a workload adds with <c>WithAdminRoutes</c>, and the <c>access_token</c> query parameter.</summary>
public sealed class AdminRouteSetTests
{
    private static readonly AdminRouteSet s_hello = new("GET /hello; POST /hello", (app, system) =>
    {
        app.MapGet("/hello", () => Results.Ok(new { system_name = system.Name }));
        app.MapPost("/hello", () => Results.Ok(new { said = "hello" }));
    });

    [Fact]
    public async Task AddedRoutes_AreServedWithTheAdminJsonOptions()
    {
        await using AdminHost admin = await AdminHost.StartAsync(more: a => a.WithAdminRoutes(s_hello));

        using HttpResponseMessage response = await admin.Http.GetAsync("/hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(admin.Host.System.Name, body.RootElement.GetProperty("system_name").GetString());
    }

    [Fact]
    public async Task AddedPost_FollowsTheTokenPolicy()
    {
        await using AdminHost admin = await AdminHost.StartAsync(more: a => a.WithAdminRoutes(s_hello));

        using HttpResponseMessage without = await admin.Post("/hello", token: null);
        using HttpResponseMessage with = await admin.Post("/hello");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task Fallback_ListsTheAddedRoutes()
    {
        await using AdminHost admin = await AdminHost.StartAsync(more: a => a.WithAdminRoutes(s_hello));

        using HttpResponseMessage response = await admin.Http.GetAsync("/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("GET /hello; POST /hello", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessTokenQueryParameter_CountsAsTheBearerToken()
    {
        await using AdminHost admin = await AdminHost.StartAsync();

        using HttpResponseMessage right = await admin.Post("/admin/cleanup?access_token=" + AdminHost.Token, token: null);
        using HttpResponseMessage wrong = await admin.Post("/admin/cleanup?access_token=wrong", token: null);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("invalid_token", Assert.Single(wrong.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }
}
