using System.Net;
using Actors.Hocon;
using Actors.Hosting.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Hosting.Tests.Admin;

/// <summary>
/// The token policy away from loopback. These tests bind the wildcard address 0.0.0.0: it is not loopback, so the
/// policy applies, and every machine (CI containers included) can reach it over 127.0.0.1, which a machine's own
/// non-loopback IP does not guarantee. 127.0.0.2 would not do: all of 127.0.0.0/8 is loopback. The listener requires
/// the token for every call, so binding it for a test exposes nothing.
/// </summary>
public sealed class AdminBindingTests
{
    [Fact]
    public async Task Get_BoundElsewhereWithoutToken_Answers401()
    {
        await using AdminHost admin = await AdminHost.StartAsync(o => o.Host = "0.0.0.0");

        using HttpResponseMessage response = await admin.Http.GetAsync("/health");

        await AdminEndpointsTests.AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Get_BoundElsewhereWithToken_Answers200()
    {
        await using AdminHost admin = await AdminHost.StartAsync(o => o.Host = "0.0.0.0");

        using HttpResponseMessage response = await admin.Http.SendAsync(admin.Request(HttpMethod.Get, "/health", AdminHost.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_BoundElsewhere_RequiresTheTokenToo()
    {
        await using AdminHost admin = await AdminHost.StartAsync(o => o.Host = "0.0.0.0");

        using HttpResponseMessage without = await admin.Post("/admin/cleanup", token: null);
        using HttpResponseMessage with = await admin.Post("/admin/cleanup");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task Start_BoundElsewhereWithoutToken_RefusesToStartNamingTheSettingAndPosition()
    {
        await using AdminHost admin = await AdminHost.StartAsync(
            o => o.Token = string.Empty,
            hocon: "actors.admin.host = 0.0.0.0",
            expectListening: false);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => admin.Endpoints.WhenListening.WaitAsync(HostFixture.Timeout));
        var registry = admin.Host.Services.GetRequiredService<ActorRegistry>();
        var failure = await Assert.ThrowsAsync<ActorSystemStartupException>(() => registry.GetAsync<AdminBindingTests>(HostFixture.Timeout));
        var cause = Assert.IsType<HoconException>(failure.InnerException);
        Assert.Equal("actors.admin.host", cause.Path);
        Assert.Equal(2, cause.Line);
        Assert.Contains("actors.admin.token", cause.Message, StringComparison.Ordinal);
        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, failure.ExitCode);
    }

    [Fact]
    public async Task Start_Disabled_DoesNotListen()
    {
        await using AdminHost admin = await AdminHost.StartAsync(hocon: "actors.admin.enabled = off", expectListening: false);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => admin.Endpoints.WhenListening.WaitAsync(HostFixture.Timeout));
        Assert.Null(admin.Endpoints.Url);
    }

    [Fact]
    public void FromConfig_Defaults_AreLoopback8080WithoutToken()
    {
        AdminEndpointOptions options = AdminEndpointOptions.FromConfig(ConfigurationFactory.Empty);

        Assert.True(options.Enabled);
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(8080, options.Port);
        Assert.Equal(string.Empty, options.Token);
    }

    [Fact]
    public void FromConfig_EveryKey_IsRead()
    {
        AdminEndpointOptions options = AdminEndpointOptions.FromConfig(ConfigurationFactory.ParseString(
            "actors.admin { enabled = off, host = \"::1\", port = 0, token = abc }", "test"));

        Assert.False(options.Enabled);
        Assert.Equal("::1", options.Host);
        Assert.Equal(0, options.Port);
        Assert.Equal("abc", options.Token);
    }

    [Fact]
    public void FromConfig_BadPort_ErrorNamesPositionAndPath()
    {
        var e = Assert.Throws<HoconException>(() => AdminEndpointOptions.FromConfig(ConfigurationFactory.ParseString("actors.admin {\n  port = 70000\n}", "admin.conf")));

        Assert.Equal("admin.conf", e.Origin);
        Assert.Equal(2, e.Line);
        Assert.Equal("actors.admin.port", e.Path);
    }
}
