using System.Net.Http.Headers;
using Actors.Hosting.Admin;
using Actors.Resilience;
using Actors.Resilience.Supervision;
using Actors.Resilience.Units;

namespace Actors.Hosting.Tests.Admin;

/// <summary>
/// A real host with the resilience layer (unit kind <c>echo</c>), the admin endpoints on a free loopback port, and
/// Akka's scheduler on virtual time, so a failed worker stays "backing off" until a test advances the clock.
/// </summary>
internal sealed class AdminHost : IAsyncDisposable
{
    public const string Token = "s3cret-token";

    private readonly TestFiles _files;

    private AdminHost(TestHost host, TestFiles files, AdminEndpoints endpoints, Uri url)
    {
        Host = host;
        _files = files;
        Endpoints = endpoints;
        Url = url;
        Http = new HttpClient { BaseAddress = url, Timeout = TestHost.Timeout };
    }

    public TestHost Host { get; }

    public AdminEndpoints Endpoints { get; }

    public HttpClient Http { get; }

    public Uri Url { get; }

    public ResilienceRuntime Runtime => ResilienceRuntime.Get(Host.System)!;

    /// <summary>Builds the host: <paramref name="hocon"/> goes into its configuration file, <paramref name="admin"/> changes the options after the test defaults (port 0, the token).</summary>
    public static TestHost Build(TestFiles files, Action<AdminEndpointOptions>? admin = null, string? hocon = null, Action<AkkaConfigurationBuilder>? more = null)
    {
        string path = files.Write("admin.conf", "actors.memory.compact-heap-on-cleanup = off\n" + (hocon ?? string.Empty));
        return TestHost.Build(
            a => a
                .AddStrictHoconFile(path, o => o.Console = null)
                .WithUnitKind("echo", id => Props.Create(() => new EchoWorker(id)))
                .WithAdminEndpoints(o =>
                {
                    o.Port = 0;
                    o.Token = Token;
                    admin?.Invoke(o);
                })
                .WithMore(more),
            virtualTime: true);
    }

    /// <summary>Starts the host and waits until the endpoints listen.</summary>
    public static async Task<AdminHost> StartAsync(Action<AdminEndpointOptions>? admin = null, string? hocon = null, Action<AkkaConfigurationBuilder>? more = null)
    {
        var files = new TestFiles();
        TestHost host = Build(files, admin, hocon, more);
        await host.StartAsync();
        AdminEndpoints endpoints = AdminEndpoints.Get(host.System) ?? throw new InvalidOperationException("WithAdminEndpoints registered no endpoints.");
        Uri url = await endpoints.WhenListening.WaitAsync(TestHost.Timeout);

        // Bound to the wildcard address, the endpoints are reached over loopback.
        url = url.Host is "0.0.0.0" or "[::]" ? new UriBuilder(url) { Host = "127.0.0.1" }.Uri : url;

        // The journal subscribes to failures in its PreStart; an answer from it proves it has, so no failure a test
        // causes next can be published before it listens.
        ResilienceRuntime runtime = ResilienceRuntime.Get(host.System)!;
        await runtime.Errors.Ask<Actors.Resilience.Errors.ErrorStats>(Actors.Resilience.Errors.GetErrorStats.Instance, TestHost.Timeout);
        return new AdminHost(host, files, endpoints, url);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async Task<HttpResponseMessage> Post(string path, string? token = Token)
    {
        using HttpRequestMessage request = Request(HttpMethod.Post, path, token);
        return await Http.SendAsync(request);
    }

    /// <summary>Sends <paramref name="message"/> to echo instance <paramref name="id"/> and returns its answer.</summary>
    public Task<object> Tell(string id, string message) =>
        Runtime.Units.Ask<object>(new UnitMessage("echo", id, message), TestHost.Timeout);

    /// <summary>Makes echo instance <paramref name="id"/> fail once and waits until the failure is published (it then backs off on virtual time).</summary>
    public async Task Fail(string id)
    {
        Task<ActorFailed> failed = FailureSignal.Next(Host.System);
        Runtime.Units.Tell(new UnitMessage("echo", id, "boom"));
        await failed;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        _files.Dispose();
    }
}

/// <summary>Lets a test add to the builder inline.</summary>
internal static class BuilderMore
{
    public static AkkaConfigurationBuilder WithMore(this AkkaConfigurationBuilder builder, Action<AkkaConfigurationBuilder>? more)
    {
        more?.Invoke(builder);
        return builder;
    }
}
