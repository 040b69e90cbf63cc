using System.Net.Sockets;
using Actors.Cmd.Tests.Support;
using Actors.Resilience;
using Akka.Configuration;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Server;

/// <summary>Starting and stopping the server, and what it says when its settings or its port are wrong.</summary>
public sealed class StartupTests(ITestOutputHelper output) : CmdTestBase(output)
{
    private static void AssertHowToFix(CmdServerConfigurationException e, string endpoint)
    {
        Assert.Contains(endpoint, e.Message, StringComparison.Ordinal);
        Assert.Contains("actors.cmd.port", e.Message, StringComparison.Ordinal);
        Assert.Contains("ACTORS__CMD__PORT", e.Message, StringComparison.Ordinal);
        Assert.Contains("0 picks a free port", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);
        Assert.Equal(("actors.cmd.port", endpoint), (e.Setting, e.Endpoint));
    }

    [Fact]
    public async Task StartAsync_PortInUse_ConfigurationErrorNamingHostPortAndTheFix_NothingLeftBehind()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using ActorSystem other = ActorSystem.Create("busy");

        CmdServerConfigurationException e = await Assert.ThrowsAsync<CmdServerConfigurationException>(
            () => CommandServer.StartAsync(other, new CmdServerOptions { Port = port }));

        AssertHowToFix(e, $"127.0.0.1:{port}");
        Assert.Contains("already in use", e.Message, StringComparison.Ordinal);
        Assert.IsType<SocketException>(e.InnerException);
        Assert.Null(CommandServer.Get(other));
        Assert.Null((await other.ActorSelection("/system/cmd").Ask<ActorIdentity>(new Identify(1), Timeout)).Subject);
        CommandServer retried = await CommandServer.StartAsync(other, new CmdServerOptions { Port = 0 }).WaitAsync(Timeout);
        Assert.Equal("/system/cmd", retried.Actor.Path.ToStringWithoutAddress());
    }

    [Theory]
    [InlineData(99999)]
    [InlineData(-1)]
    public async Task StartAsync_PortOutOfRange_ConfigurationErrorNamingHostPortAndTheFix(int port)
    {
        using ActorSystem other = ActorSystem.Create("invalid");
        CmdServerConfigurationException e = await Assert.ThrowsAsync<CmdServerConfigurationException>(
            () => CommandServer.StartAsync(other, new CmdServerOptions { Port = port }));
        AssertHowToFix(e, $"127.0.0.1:{port}");
        Assert.Contains($"actors.cmd.port = {port} is not a TCP port", e.Message, StringComparison.Ordinal);
        Assert.Contains("1..65535", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_ActorsCmdSection_ReadIntoTheOptions()
    {
        Config config = ConfigurationFactory.ParseString("""
            actors.cmd {
              host = localhost
              port = 0
              token = t0ken
              max-frame-size = 64KiB
              outbound-queue-capacity = 8
              max-connections = 3
              max-commands-per-connection = 2
              handshake-timeout = 3s
              actor-query-timeout = 2s
              log-buffer-size = 7
            }
            """);
        CmdServerOptions o = CmdServerOptions.FromConfig(config);
        Assert.Equal(("localhost", 0, "t0ken", 64 * 1024, 8, 3, 2), (o.Host, o.Port, o.Token, o.MaxFrameSize, o.OutboundQueueCapacity, o.MaxConnections, o.MaxCommandsPerConnection));
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), 7), (o.HandshakeTimeout, o.ActorQueryTimeout, o.LogBufferSize));
        o.Validate();
    }

    [Fact]
    public void FromConfig_NoSection_Defaults()
    {
        CmdServerOptions o = CmdServerOptions.FromConfig(ConfigurationFactory.ParseString("other.key = 1"));
        Assert.Equal(("127.0.0.1", CmdProtocol.DefaultPort, (string?)null, CmdProtocol.DefaultMaxFrameSize), (o.Host, o.Port, o.Token, o.MaxFrameSize));
    }

    [Fact]
    public void FromConfig_PortNotANumber_ConfigurationErrorNamesTheKeyAndTheFix()
    {
        CmdServerConfigurationException e = Assert.Throws<CmdServerConfigurationException>(
            () => CmdServerOptions.FromConfig(ConfigurationFactory.ParseString("actors.cmd.port = abc")));
        Assert.Equal("actors.cmd.port", e.Setting);
        Assert.StartsWith("actors.cmd.port = abc is not a valid whole number", e.Message, StringComparison.Ordinal);
        Assert.Contains("ACTORS__CMD__PORT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoOptions_ReadsActorsCmdFromTheSystemsConfig()
    {
        using ActorSystem other = ActorSystem.Create("from-hocon", "actors.cmd.port = 0\nactors.cmd.token = from-hocon");
        CommandServer server = await CommandServer.StartAsync(other).WaitAsync(Timeout);
        Assert.Equal("from-hocon", server.Options.Token);
        Assert.NotEqual(CmdProtocol.DefaultPort, server.Endpoint.Port);
    }

    [Fact]
    public async Task StartAsync_RunsUnderSystemCmd_GetFindsIt_SecondStartRefused_StopEndsIt()
    {
        Assert.Equal("/system/cmd", Server.Actor.Path.ToStringWithoutAddress());
        Assert.Same(Server, CommandServer.Get(Sys));
        await Assert.ThrowsAsync<InvalidOperationException>(() => CommandServer.StartAsync(Sys, new CmdServerOptions { Port = 0 }));
        int port = Port;
        await Server.StopAsync().WaitAsync(Timeout);
        Assert.Null(CommandServer.Get(Sys));
        await Assert.ThrowsAsync<CmdConnectionException>(() => CmdClient.ConnectAsync(new CmdClientOptions { Port = port, ConnectTimeout = TimeSpan.FromSeconds(5) }));
    }

    [Fact]
    public async Task StartAsync_ResilienceRuntimeAlreadyRunning_PalettesAtStart_UnlessTurnedOff()
    {
        using ActorSystem withRuntime = ActorSystem.Create("with-runtime");
        ResilienceRuntime.Start(withRuntime);
        CommandServer server = await CommandServer.StartAsync(withRuntime, new CmdServerOptions { Port = 0 }).WaitAsync(Timeout);
        Assert.Equal(["actor", "breaker", "errors", "health", "log", "memory", "system", "units"], server.Palettes.Select(p => p.Name));

        using ActorSystem optedOut = ActorSystem.Create("opted-out");
        ResilienceRuntime.Start(optedOut);
        CommandServer bare = await CommandServer.StartAsync(optedOut, new CmdServerOptions { Port = 0, RegisterResiliencePalettes = false }).WaitAsync(Timeout);
        Assert.Equal(["actor", "log", "system"], bare.Palettes.Select(p => p.Name));
    }

    [Fact]
    public async Task StartAsync_ApplicationPalettesInTheOptions_Served()
    {
        using ActorSystem other = ActorSystem.Create("app-palettes");
        var options = new CmdServerOptions { Port = 0 };
        options.Palettes.Add(new CommandPaletteBuilder("greet", "Greetings")
            .AddCommand("hello", "Says hello", ctx => Task.FromResult(ctx.WriteLine("hello")))
            .Build());
        CommandServer server = await CommandServer.StartAsync(other, options).WaitAsync(Timeout);
        await using ICmdClient client = await CmdClient.ConnectAsync(new CmdClientOptions { Port = server.Endpoint.Port });
        Assert.Equal("hello", (await RunAsync(client, "greet", "hello"))[0].Text);
    }
}
