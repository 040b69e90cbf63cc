using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Actors.Cmd.Tests.Support;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Server;

public sealed class AuthenticationTests(ITestOutputHelper output) : CmdTestBase(output)
{
    private const string Token = "s3cret-token";

    protected override CmdServerOptions CreateOptions() => new() { Port = 0, Token = Token };

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.2", false)]
    [InlineData("::1", false)]
    [InlineData("localhost", false)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("node.example.com", true)]
    public void RequiresToken_ByHost_OnlyLoopbackIsExempt(string host, bool required) =>
        Assert.Equal(required, CmdAuthPolicy.RequiresToken(host));

    [Fact]
    public void Validate_NonLoopbackWithoutToken_Refused()
    {
        var options = new CmdServerOptions { Host = "0.0.0.0" };
        CmdServerConfigurationException e = Assert.Throws<CmdServerConfigurationException>(options.Validate);
        Assert.Equal("actors.cmd.token", e.Setting);
        Assert.Contains("0.0.0.0:9110", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NonLoopbackWithoutToken_DoesNotListen()
    {
        using ActorSystem other = ActorSystem.Create("noauth");
        await Assert.ThrowsAsync<CmdServerConfigurationException>(() => CommandServer.StartAsync(other, new CmdServerOptions { Host = "0.0.0.0", Port = 0 }));
        Assert.Null(CommandServer.Get(other));
    }

    [Fact]
    public async Task Connect_RightToken_Authenticated()
    {
        await using ICmdClient client = await ConnectAsync(Token);
        Assert.True(client.Server.Authenticated);
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "system", "info"))[^1].Kind);
    }

    [Fact]
    public async Task Connect_WrongToken_AuthFailed()
    {
        CmdAuthenticationException e = await Assert.ThrowsAsync<CmdAuthenticationException>(() => ConnectAsync("guess"));
        Assert.Equal(CmdErrorCodes.AuthenticationFailed, e.Code);
    }

    [Fact]
    public async Task Connect_NoTokenOnLoopback_ReadsOpen_NotAuthenticated()
    {
        await using ICmdClient client = await ConnectAsync();
        Assert.False(client.Server.Authenticated);
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "system", "info"))[^1].Kind);
    }

    [Fact]
    public async Task NonLoopbackAddress_WhenMachineHasOne_RequiresAndChecksToken()
    {
        IPAddress? address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (address is null)
        {
            Note("no non-loopback IPv4 address on this machine; the policy is covered by the other tests");
            return;
        }

        using ActorSystem node = ActorSystem.Create("exposed");
        CommandServer server = await CommandServer.StartAsync(node, new CmdServerOptions { Host = address.ToString(), Port = 0, Token = Token }).WaitAsync(Timeout);
        var options = new CmdClientOptions { Host = address.ToString(), Port = server.Endpoint.Port, ConnectTimeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(CmdErrorCodes.AuthenticationRequired, (await Assert.ThrowsAsync<CmdAuthenticationException>(() => CmdClient.ConnectAsync(options))).Code);
        options.Token = "wrong";
        Assert.Equal(CmdErrorCodes.AuthenticationFailed, (await Assert.ThrowsAsync<CmdAuthenticationException>(() => CmdClient.ConnectAsync(options))).Code);
        options.Token = Token;
        await using ICmdClient client = await CmdClient.ConnectAsync(options);
        Assert.True(client.Server.Authenticated);
    }

    private void Note(string message) => Sys.Log.Info(message);
}
