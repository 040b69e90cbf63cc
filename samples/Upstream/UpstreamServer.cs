using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Samples.Upstream;

/// <summary>
/// The sample session upstream: ASP.NET Core WebSockets on loopback, speaking the protocol described in the README
/// (QR, ready, send/ack with deduplication by idempotency key, inbound, ping/pong), with fault injection and
/// statistics over HTTP. Start it in-process with <see cref="StartAsync"/> (port 0 picks a free port).
/// </summary>
public sealed class UpstreamServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly WebApplication _app;

    private UpstreamServer(WebApplication app, UpstreamState state, Uri httpUrl)
    {
        _app = app;
        State = state;
        HttpUrl = httpUrl;
        WebSocketUrl = new Uri($"ws://{httpUrl.Host}:{httpUrl.Port}/");
    }

    /// <summary>The state: instances, keys, faults, connections.</summary>
    public UpstreamState State { get; }

    /// <summary>The HTTP base address (control and statistics).</summary>
    public Uri HttpUrl { get; }

    /// <summary>The WebSocket address sessions connect to (with <c>?instance_id=</c>).</summary>
    public Uri WebSocketUrl { get; }

    /// <summary>Starts an upstream on 127.0.0.1.</summary>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <param name="state">The state to serve (a restarted upstream can keep its keys); a new one when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running upstream.</returns>
    public static async Task<UpstreamServer> StartAsync(int port = 0, UpstreamState? state = null, CancellationToken cancellationToken = default)
    {
        state ??= new UpstreamState();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        WebApplication app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        Map(app, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UpstreamServer(app, state, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops serving and closes every connection.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        State.DisconnectAll();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Map(WebApplication app, UpstreamState state)
    {
        app.Map("/", context => Session(context, state));
        app.Map("/session", context => Session(context, state));
        app.MapGet("/stats", (int? limit) =>
        {
            int take = Math.Clamp(limit ?? 1000, 1, 100_000);
            InstanceRecord[] all = state.Instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToArray();
            return Results.Json(
                new
                {
                    total = all.Length,
                    limit = take,
                    connected = state.Connected,
                    peak_connects_per_second = state.PeakConnectsPerSecond,
                    total_distinct_keys = all.Sum(i => (long)i.DistinctKeys),
                    total_duplicates = all.Sum(i => i.Duplicates),
                    instances = all.Take(take).Select(i => new { instance_id = i.InstanceId, distinct_keys = i.DistinctKeys, duplicates = i.Duplicates, connections = i.Connections, refused = i.Refused, scanned = i.Scanned }),
                },
                s_json);
        });
        app.MapGet("/keys", (string? instance_id) => string.IsNullOrEmpty(instance_id)
            ? Results.Problem("GET /keys needs ?instance_id=<id>.", statusCode: 400, title: "instance_id is missing")
            : Results.Json(state.Find(instance_id)?.Keys ?? [], s_json));
        app.MapPost("/control/faults", async (HttpContext context, string? instance_id) =>
        {
            FaultSettings? faults;
            try
            {
                faults = await JsonSerializer.DeserializeAsync<FaultSettings>(context.Request.Body, s_json, context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return Results.Problem($"The body is not a fault object ({e.Message}); send e.g. {{\"refuse\": true}}.", statusCode: 400, title: "bad fault body");
            }

            state.SetFaults(string.IsNullOrEmpty(instance_id) ? null : instance_id, faults ?? FaultSettings.None);
            return Results.Json(new { instance_id, faults }, s_json);
        });
        app.MapDelete("/control/faults", (string? instance_id) =>
        {
            state.ClearFaults(string.IsNullOrEmpty(instance_id) ? null : instance_id);
            return Results.NoContent();
        });
        app.MapPost("/control/scan", (string? instance_id) =>
        {
            if (string.IsNullOrEmpty(instance_id))
            {
                return Results.Problem("POST /control/scan needs ?instance_id=<id>.", statusCode: 400, title: "instance_id is missing");
            }

            state.Instance(instance_id).Scanned = true;
            return Results.NoContent();
        });
        app.MapPost("/control/auto-scan", (bool on) =>
        {
            state.AutoScan = on;
            return Results.NoContent();
        });
        app.MapPost("/control/inbound", async (string? instance_id, string? from, string? text) =>
        {
            if (string.IsNullOrEmpty(instance_id) || state.Find(instance_id)?.Push is not { } push)
            {
                return Results.Problem($"No live session for instance_id [{instance_id}]: connect it first (GET /stats lists instances).", statusCode: 404, title: "no live session");
            }

            try
            {
                await push(new { type = "inbound", from = from ?? "+0", text = text ?? string.Empty }).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                return Results.Problem($"The session of {instance_id} closed while pushing ({e.Message}).", statusCode: 409, title: "session closed");
            }

            return Results.NoContent();
        });
        app.MapPost("/control/disconnect-all", () => Results.Json(new { dropped = state.DisconnectAll() }, s_json));
    }

    private static async Task Session(HttpContext context, UpstreamState state)
    {
        string? instanceId = context.Request.Query["instance_id"];
        if (!context.WebSockets.IsWebSocketRequest || string.IsNullOrEmpty(instanceId))
        {
            await Results.Problem("Connect with a WebSocket to /?instance_id=<id>.", statusCode: 400, title: "not a session request").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        InstanceRecord record = state.Instance(instanceId);
        FaultSettings faults = state.FaultsFor(instanceId);
        if (faults.Refuse)
        {
            record.RefusedOne();
            context.Response.StatusCode = 503;
            return;
        }

        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var connection = Guid.NewGuid();
        record.Connected();
        state.Register(connection, cts);
        try
        {
            if (faults.DropAfterMs > 0)
            {
                cts.CancelAfter(faults.DropAfterMs);
            }

            using var session = new UpstreamSession(socket, record, state, cts.Token);
            await session.RunAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // A dropped or cancelled connection ends the session; the client sees the socket close.
        }
        finally
        {
            state.Unregister(connection);
            socket.Abort();
        }
    }

    internal static byte[] Frame(object message) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message, s_json));
}
