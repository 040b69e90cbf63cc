using Actors.Resilience;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Cmd.Tests.Hosting;

/// <summary>WithCmd on a real <see cref="IHost"/> built with Akka.Hosting's AddAkka (Akka.Hosting.TestKit needs xunit v3).</summary>
public sealed class WithCmdTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static IHost Build(string hocon, Action<AkkaConfigurationBuilder> configure)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddAkka("cmd-host", (akka, _) =>
        {
            akka.AddHocon(hocon, HoconAddMode.Prepend);
            configure(akka);
        });
        return builder.Build();
    }

    [Fact]
    public async Task WithCmd_HoconAndConfigure_ServerUnderSystemCmdInTheRegistry()
    {
        using IHost host = Build("actors.cmd { port = 0\n token = hocon-token }", akka => akka.WithCmd(o => o.ConfigOrigin = "configured in code"));
        await host.StartAsync().WaitAsync(Timeout);
        try
        {
            ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
            CommandServer server = CommandServer.Get(system) ?? throw new InvalidOperationException("no command server");
            Assert.Equal("/system/cmd", server.Actor.Path.ToStringWithoutAddress());
            Assert.Equal("hocon-token", server.Options.Token);
            Assert.NotEqual(0, server.Endpoint.Port);
            Assert.Equal(server.Actor, await ActorRegistry.For(system).GetAsync<CommandServer>().WaitAsync(Timeout));

            await using ICmdClient client = await CmdClient.ConnectAsync(new CmdClientOptions { Port = server.Endpoint.Port, Token = "hocon-token" });
            Assert.True(client.Server.Authenticated);
            SystemInfo info = (await client.ExecuteToListAsync("system", "info").WaitAsync(Timeout))[0].DataAs<SystemInfo>()!;
            Assert.Equal(("cmd-host", "configured in code"), (info.System, info.ConfigOrigin));
        }
        finally
        {
            await host.StopAsync().WaitAsync(Timeout);
        }
    }

    [Fact]
    public async Task WithCmd_ResilienceStartedByTheHost_PalettesRegistered()
    {
        using IHost host = Build("actors.cmd.port = 0", akka => akka
            .WithCmd()
            .WithActors((system, _) => ResilienceRuntime.Start(system)));
        await host.StartAsync().WaitAsync(Timeout);
        try
        {
            CommandServer server = CommandServer.Get(host.Services.GetRequiredService<ActorSystem>())!;
            Assert.Contains(server.Palettes, p => p.Name == "health");
            await using ICmdClient client = await CmdClient.ConnectAsync(new CmdClientOptions { Port = server.Endpoint.Port });
            Assert.Equal(CmdResponseKind.Done, (await client.ExecuteToListAsync("health", "summary").WaitAsync(Timeout))[^1].Kind);
        }
        finally
        {
            await host.StopAsync().WaitAsync(Timeout);
        }
    }

    [Fact]
    public async Task WithCmdPalette_BeforeWithCmd_PaletteServed()
    {
        CommandPalette palette = new CommandPaletteBuilder("hello", "Says hello.")
            .AddCommand("say", "Says hello.", context =>
            {
                context.WriteLine("hello");
                return Task.CompletedTask;
            })
            .Build();
        using IHost host = Build("actors.cmd.port = 0", akka => akka.WithCmdPalette(_ => palette).WithCmd());
        await host.StartAsync().WaitAsync(Timeout);
        try
        {
            CommandServer server = CommandServer.Get(host.Services.GetRequiredService<ActorSystem>())!;
            Assert.Contains(server.Palettes, p => p.Name == "hello");
        }
        finally
        {
            await host.StopAsync().WaitAsync(Timeout);
        }
    }

    [Fact]
    public async Task WithCmd_PortInUse_StartFailsWithTheConfigurationError()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using IHost host = Build($"actors.cmd.port = {port}", akka => akka.WithCmd());
        // Akka.Hosting rethrows a failed start: the host catches the configuration error and exits 78 with its message.
        CmdServerConfigurationException e = await Assert.ThrowsAsync<CmdServerConfigurationException>(() => host.StartAsync().WaitAsync(Timeout));
        Assert.Equal(("actors.cmd.port", $"127.0.0.1:{port}"), (e.Setting, e.Endpoint));
        Assert.Contains($"cannot listen on 127.0.0.1:{port}: the port is already in use", e.Message, StringComparison.Ordinal);
        ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
        Assert.Null(CommandServer.Get(system));
        await host.StopAsync().WaitAsync(Timeout);
    }
}
