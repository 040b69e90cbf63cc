using System.Net;
using System.Net.Sockets;
using Actors.Hocon;
using Actors.Hosting.Admin;

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

        using HttpResponseMessage response = await admin.Http.SendAsync(AdminHost.Request(HttpMethod.Get, "/health", AdminHost.Token));

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
    public async Task RunWithExitCode_BoundElsewhereWithoutToken_Returns78NamingTheSettingAndPosition()
    {
        using var files = new TestFiles();
        await using TestHost host = AdminHost.Build(files, o => o.Token = string.Empty, hocon: "actors.admin.host = 0.0.0.0");

        int code = await host.RunAsync();

        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, code);
        string console = host.Console.ToString();
        Assert.Contains("admin.conf:2:", console, StringComparison.Ordinal);
        Assert.Contains("actors.admin.host", console, StringComparison.Ordinal);
        Assert.Contains("actors.admin.token", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWithExitCode_PortBusy_Returns78NamingThePort()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var files = new TestFiles();
        await using TestHost host = AdminHost.Build(files, o => o.Port = port);

        int code = await host.RunAsync();

        Assert.Equal(ActorsExitCodes.ConfigurationInvalid, code);
        Assert.Contains($"127.0.0.1:{port}", host.Console.ToString(), StringComparison.Ordinal);
        Assert.Contains("actors.admin.port", host.Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Disabled_DoesNotListen()
    {
        using var files = new TestFiles();
        await using TestHost host = AdminHost.Build(files, hocon: "actors.admin.enabled = off");
        await host.StartAsync();

        AdminEndpoints endpoints = AdminEndpoints.Get(host.System)!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => endpoints.WhenListening.WaitAsync(TestHost.Timeout));
        Assert.Null(endpoints.Url);
    }

    [Fact]
    public void FromConfig_Defaults_AreLoopback8080WithoutToken()
    {
        AdminEndpointOptions options = AdminEndpointOptions.FromConfig(ConfigurationFactory.Empty);

        Assert.True(options.Enabled);
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(8080, options.Port);
        Assert.Equal(string.Empty, options.Token);
        Assert.True(options.Metrics);
    }

    [Fact]
    public void FromConfig_EveryKey_IsRead()
    {
        AdminEndpointOptions options = AdminEndpointOptions.FromConfig(ConfigurationFactory.ParseString(
            "actors.admin { enabled = off, host = \"::1\", port = 0, token = abc, metrics = off }", "test"));

        Assert.False(options.Enabled);
        Assert.False(options.Metrics);
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

    [Fact]
    public void FromConfig_MetricsNotABoolean_ErrorNamesPositionAndPath()
    {
        var e = Assert.Throws<HoconException>(() => AdminEndpointOptions.FromConfig(ConfigurationFactory.ParseString("actors.admin {\n  metrics = maybe\n}", "admin.conf")));

        Assert.Equal("admin.conf", e.Origin);
        Assert.Equal(2, e.Line);
        Assert.Equal("actors.admin.metrics", e.Path);
    }
}
