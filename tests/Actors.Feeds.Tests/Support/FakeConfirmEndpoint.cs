using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Feeds.Tests.Support;

/// <summary>What the fake confirm endpoint does with one request.</summary>
internal abstract record FakeAnswer
{
    /// <summary>Answers 200 with this body.</summary>
    public sealed record Body(string Text) : FakeAnswer;

    /// <summary>Answers with a status.</summary>
    public sealed record Status(int Code) : FakeAnswer;

    /// <summary>Never answers (until the client gives up).</summary>
    public sealed record Hang : FakeAnswer;
}

/// <summary>A real HTTP endpoint on loopback whose answers are scripted per request; it counts requests.</summary>
internal sealed class FakeConfirmEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeAnswer> _script = new();
    private int _requests;

    private FakeConfirmEndpoint(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The answer when the script is used up.</summary>
    public FakeAnswer Otherwise { get; set; } = new FakeAnswer.Status(500);

    public static async Task<FakeConfirmEndpoint> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        FakeConfirmEndpoint? self = null;
        app.MapPost("/confirm", async (HttpContext context) =>
        {
            Interlocked.Increment(ref self!._requests);
            FakeAnswer answer = self._script.TryDequeue(out FakeAnswer? next) ? next : self.Otherwise;
            switch (answer)
            {
                case FakeAnswer.Hang:
                    // Hangs until the client gives up: the signal is the request's own abort.
                    var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    using (context.RequestAborted.Register(() => aborted.TrySetResult()))
                    {
                        await aborted.Task;
                    }

                    return;
                case FakeAnswer.Status s:
                    context.Response.StatusCode = s.Code;
                    return;
                case FakeAnswer.Body b:
                    await context.Response.WriteAsync(b.Text);
                    return;
            }
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeConfirmEndpoint(app, new Uri(address.TrimEnd('/') + "/confirm"));
        return self;
    }

    public FakeConfirmEndpoint Then(params FakeAnswer[] answers)
    {
        foreach (FakeAnswer a in answers)
        {
            _script.Enqueue(a);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
