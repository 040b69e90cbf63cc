using System.Net.Http.Headers;
using Actors.Hosting.Admin;
using Actors.Resilience;
using Actors.Resilience.Configuration;
using Actors.Resilience.Units;
using Actors.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Hosting.Tests.Admin;

/// <summary>
/// A host with the resilience layer (unit kind <c>echo</c>), the admin endpoints on a free port, and the actor system on
/// virtual time, so a failed worker stays "backing off" until a test advances the clock.
/// </summary>
internal sealed class AdminHost : IAsyncDisposable
{
    public const string Token = "s3cret-token";

    private AdminHost(IHost host, CapturingLoggerProvider logs, VirtualTimeProvider clock)
    {
        Host = host;
        Logs = logs;
        Clock = clock;
    }

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public VirtualTimeProvider Clock { get; }

    public HttpClient Http { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    public ActorSystem System => Host.Services.GetRequiredService<ActorSystem>();

    public AdminEndpoints Endpoints => Host.Services.GetRequiredService<AdminEndpoints>();

    /// <summary>Starts the host; <paramref name="admin"/> changes the endpoint options after the defaults (port 0, the token).</summary>
    public static async Task<AdminHost> StartAsync(Action<AdminEndpointOptions>? admin = null, string? hocon = null, bool expectListening = true)
    {
        var logs = new CapturingLoggerProvider();
        var clock = new VirtualTimeProvider();
        IHost host = HostFixture.Build(
            actors =>
            {
                actors.AddHocon("actors.memory.compact-heap-on-cleanup = off\n" + (hocon ?? string.Empty));
                actors.ConfigureOptions(o => o.TimeProvider = clock);
                actors.WithResilience((options, config) => options.Kinds.Add(
                    UnitKindConfig.Read(config, "echo", id => Props.Create(() => new EchoWorker(id)))));
                actors.AddAdminEndpoints(o =>
                {
                    o.Port = 0;
                    o.Token = Token;
                    admin?.Invoke(o);
                });
            },
            logs);
        var result = new AdminHost(host, logs, clock);
        await host.StartAsync();
        if (expectListening)
        {
            Uri url = await result.Endpoints.WhenListening.WaitAsync(HostFixture.Timeout);

            // Bound to the wildcard address, the endpoints are reached over loopback.
            result.Url = url.Host is "0.0.0.0" or "[::]" ? new UriBuilder(url) { Host = "127.0.0.1" }.Uri : url;
            result.Http = new HttpClient { BaseAddress = result.Url, Timeout = HostFixture.Timeout };
        }

        return result;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public Task<HttpResponseMessage> Post(string path, string? token = Token) => Http.SendAsync(Request(HttpMethod.Post, path, token));

    /// <summary>Sends <paramref name="message"/> to echo instance <paramref name="id"/> and returns its answer.</summary>
    public Task<object> Tell(string id, string message) =>
        Host.Services.GetRequiredService<ResilienceRuntime>().Units
            .Ask<object>(new UnitMessage("echo", id, message))
            .WaitAsync(HostFixture.Timeout);

    /// <summary>Completes when the next supervisor failure has been published (the error journal subscribed before us).</summary>
    public Task<ActorFailed> NextFailure()
    {
        var signal = new TaskCompletionSource<ActorFailed>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef listener = System.ActorOf(Props.Create(() => new FailureListener(signal)));
        System.EventStream.Subscribe<ActorFailed>(listener);
        return signal.Task.WaitAsync(HostFixture.Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await Host.StopAsync();
        Host.Dispose();
    }
}

/// <summary>A unit worker that echoes strings and fails on "boom".</summary>
internal sealed class EchoWorker : ReceiveActor
{
    public EchoWorker(string id)
    {
        Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom at " + id));
        Receive<string>(s => Sender.Tell($"{id}:{s}"));
    }
}

/// <summary>Completes a signal with the first <see cref="ActorFailed"/> published after it started.</summary>
internal sealed class FailureListener : ReceiveActor
{
    public FailureListener(TaskCompletionSource<ActorFailed> signal)
    {
        Receive<ActorFailed>(f =>
        {
            signal.TrySetResult(f);
            Context.Stop(Self);
        });
    }
}
