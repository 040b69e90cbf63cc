using System.Net.Http.Headers;
using System.Text.Json;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Resilience;
using Actors.Resilience.Errors;
using Actors.Resilience.Supervision;
using Actors.Resilience.Units;
using Akka.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Dashboard.Tests;

/// <summary>
/// A real host with the resilience layer (unit kind <c>echo</c>, whose breaker opens at its first failure and stays
/// open for an hour), the admin endpoints on a free loopback port with a token, and Akka's scheduler on virtual time:
/// nothing timed happens (no publish tick, no backoff restart, no breaker timeout) unless a test advances the clock,
/// so the numbers the page shows hold still while a test compares them.
/// </summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    public const string Token = "dashboard-test-token";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string Hocon = """
        actors.memory.compact-heap-on-cleanup = off
        actors.units.echo.breaker { mode = consecutive, max-failures = 1, reset-timeout = 1h }
        """;

    private readonly string _folder;

    private DashboardHost(IHost host, string folder, Uri url)
    {
        Host = host;
        _folder = folder;
        Url = url;
        Http = new HttpClient { BaseAddress = url, Timeout = Timeout };
    }

    public IHost Host { get; }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public ActorSystem System => Host.Services.GetRequiredService<ActorSystem>();

    public ResilienceRuntime Runtime => ResilienceRuntime.Get(System)!;

    public TestScheduler Scheduler => (TestScheduler)System.Scheduler;

    /// <summary>Starts the host and waits until the endpoints listen and the error journal listens.</summary>
    public static async Task<DashboardHost> StartAsync(Action<AdminEndpointOptions>? admin = null, string? hocon = null, Action<AkkaConfigurationBuilder>? more = null)
    {
        string folder = Directory.CreateTempSubdirectory("actors-dashboard-tests-").FullName;
        string path = Path.Combine(folder, "dashboard.conf");
        await File.WriteAllTextAsync(path, Hocon + "\n" + (hocon ?? string.Empty));
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("dashboard-" + Guid.NewGuid().ToString("N")[..8], akka =>
        {
            akka.AddHocon(Akka.Configuration.ConfigurationFactory.ParseString("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\""), HoconAddMode.Prepend);
            akka.AddStrictHoconFile(path, o => o.Console = null)
                .WithUnitKind("echo", id => Props.Create(() => new EchoWorker(id)))
                .WithAdminEndpoints(o =>
                {
                    o.Port = 0;
                    o.Token = Token;
                    admin?.Invoke(o);
                });
            more?.Invoke(akka);
        });
        IHost host = builder.Build();
        await host.StartAsync().WaitAsync(Timeout);
        ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
        AdminEndpoints endpoints = AdminEndpoints.Get(system) ?? throw new InvalidOperationException("WithAdminEndpoints registered no endpoints.");
        Uri url = await endpoints.WhenListening.WaitAsync(Timeout);
        url = url.Host is "0.0.0.0" or "[::]" ? new UriBuilder(url) { Host = "127.0.0.1" }.Uri : url;

        // An answer from the journal proves it has subscribed to failures (in its PreStart).
        await ResilienceRuntime.Get(system)!.Errors.Ask<ErrorStats>(GetErrorStats.Instance, Timeout);
        return new DashboardHost(host, folder, url);
    }

    /// <summary>Sends <paramref name="message"/> to instance <paramref name="id"/> of <paramref name="kind"/> and returns its answer.</summary>
    public Task<object> Tell(string id, string message, string kind = "echo") =>
        Runtime.Units.Ask<object>(new UnitMessage(kind, id, message), Timeout);

    /// <summary>Makes instance <paramref name="id"/> fail once and waits until the failure is published.</summary>
    public async Task Fail(string id, string kind = "echo")
    {
        var signal = new TaskCompletionSource<ActorFailed>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef listener = System.ActorOf(Props.Create(() => new FailureListener(signal)));
        System.EventStream.Subscribe(listener, typeof(ActorFailed));
        Runtime.Units.Tell(new UnitMessage(kind, id, "boom"));
        await signal.Task.WaitAsync(Timeout);
    }

    /// <summary>
    /// <c>GET /health</c>. Asking for it makes the aggregator compute and publish a fresh snapshot, which the
    /// dashboard's stream pushes to the page: afterwards the page and this answer come from the same snapshot.
    /// </summary>
    public async Task<JsonElement> Health()
    {
        using HttpResponseMessage response = await Http.GetAsync("/health");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A GET answered as JSON.</summary>
    public async Task<JsonElement> GetJson(string path)
    {
        using HttpResponseMessage response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> Post(string path, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await Host.StopAsync().WaitAsync(Timeout);
        }
        finally
        {
            Host.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
