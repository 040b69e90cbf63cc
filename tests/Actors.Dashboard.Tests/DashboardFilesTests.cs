using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Actors.Dashboard.Tests;

/// <summary>The dashboard's files over plain HTTP: content types, caching, the token policy and the switch.</summary>
public sealed class DashboardFilesTests
{
    [Fact]
    public async Task Root_Get_ServesThePageWithItsSecurityHeaders()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();

        using HttpResponseMessage response = await host.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/dashboard/dashboard.js\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/dashboard.css\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    [InlineData("/dashboard/", "text/html")]
    public async Task Asset_Get_ServesItWithItsContentType(string path, string mediaType)
    {
        await using DashboardHost host = await DashboardHost.StartAsync();

        using HttpResponseMessage response = await host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Asset_GetWithItsETag_Answers304WithoutABody()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();
        using HttpResponseMessage first = await host.Http.GetAsync("/dashboard/dashboard.js");
        EntityTagHeaderValue etag = first.Headers.ETag ?? throw new InvalidOperationException("No ETag.");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/dashboard.js");
        again.Headers.IfNoneMatch.Add(etag);
        using HttpResponseMessage second = await host.Http.SendAsync(again);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/dashboard/dashboard.js");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
        using HttpResponseMessage third = await host.Http.SendAsync(other);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotEmpty(await third.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task UnknownAsset_Get_Answers404Problem()
    {
        await using DashboardHost host = await DashboardHost.StartAsync();

        using HttpResponseMessage response = await host.Http.GetAsync("/dashboard/nope.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DashboardOff_Root_Answers404ProblemListingTheEndpoints()
    {
        await using DashboardHost host = await DashboardHost.StartAsync(hocon: "actors.admin.dashboard = off");

        using HttpResponseMessage page = await host.Http.GetAsync("/");
        using HttpResponseMessage script = await host.Http.GetAsync("/dashboard/dashboard.js");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("application/problem+json", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/health/watch/detailed", JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }

    [Fact]
    public async Task OffLoopback_PageIsServedWithoutToken_ButItsDataNeedsIt()
    {
        await using DashboardHost host = await DashboardHost.StartAsync(o => o.Host = "0.0.0.0");

        using HttpResponseMessage page = await host.Http.GetAsync("/");
        using HttpResponseMessage health = await host.Http.GetAsync("/health/watch/detailed");
        using HttpResponseMessage withToken = await host.Http.GetAsync($"/health?access_token={DashboardHost.Token}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }
}
