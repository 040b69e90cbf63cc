using System.Net.Http.Headers;
using Actors.Chaos.Hosting;
using Actors.Chaos.Monkey;
using Actors.Chaos.Tests.Support;
using Actors.Cmd;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Resilience.Tests.Support;
using Akka.Hosting;
using Akka.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Chaos.Tests.Hosting;

/// <summary>
/// A real generic host with <c>WithChaos</c> (plus a <see cref="FakeFault"/> registered as the node would register its
/// own), the admin endpoints and the command server on free loopback ports, and Akka's scheduler on virtual time.
/// </summary>
internal sealed class ChaosHost : IAsyncDisposable
{
    public const string Token = "chaos-token";

    private ChaosHost(IHost host, string folder, Uri url, FakeFault fault)
    {
        Host = host;
        Folder = folder;
        Fault = fault;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public IHost Host { get; }

    public string Folder { get; }

    public FakeFault Fault { get; }

    public HttpClient Http { get; }

    public ActorSystem System => Host.Services.GetRequiredService<ActorSystem>();

    public TestScheduler Scheduler => (TestScheduler)System.Scheduler;

    public static async Task<ChaosHost> StartAsync(string? hocon = null)
    {
        string folder = Directory.CreateTempSubdirectory("chaos-test-").FullName;
        string conf = Path.Combine(folder, "chaos.conf");
        await File.WriteAllTextAsync(conf, $$"""
            akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
            akka.loglevel = ERROR
            actors.chaos {
              seed = 3
              faults { worker-exception = off, memory-pressure = off, fake = on }
            }
            {{hocon ?? string.Empty}}
            """);
        var fault = new FakeFault("fake");
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("chaos-" + Guid.NewGuid().ToString("N")[..8], akka => akka
            .AddStrictHoconFile(conf, o => o.Console = null)
            .WithResilience((o, _) =>
            {
                o.Health.Probe = new FakeResourceProbe();
                o.Memory.Probe = new FakeMemoryProbe();
            })
            .WithChaos(chaos => chaos.AddFault(fault))
            .WithAdminEndpoints(o =>
            {
                o.Port = 0;
                o.Token = Token;
            })
            .WithCmd(o =>
            {
                o.Port = 0;
                o.Token = Token;
            }));
        IHost host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
        Uri url = await AdminEndpoints.Get(system)!.WhenListening.WaitAsync(TimeSpan.FromSeconds(30));
        return new ChaosHost(host, folder, url, fault);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    public Task<ICmdClient> PbmAsync(string? token = Token) =>
        CmdClient.ConnectAsync(new CmdClientOptions { Host = "127.0.0.1", Port = CommandServer.Get(System)!.Endpoint.Port, Token = token });

    /// <summary>Completes with the next injection record published on the event stream.</summary>
    public Task<ChaosInjectionRecord> NextInjection()
    {
        var tcs = new TaskCompletionSource<ChaosInjectionRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef listener = System.ActorOf(Props.Create(() => new OneShot(tcs)));
        System.EventStream.Subscribe(listener, typeof(ChaosInjectionRecord));
        return tcs.Task;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Host.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private sealed class OneShot : ReceiveActor
    {
        public OneShot(TaskCompletionSource<ChaosInjectionRecord> tcs) => Receive<ChaosInjectionRecord>(r =>
        {
            tcs.TrySetResult(r);
            Context.Stop(Self);
        });
    }
}
