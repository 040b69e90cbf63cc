using System.Globalization;
using System.Text.Json;
using Actors.Hosting.Admin;
using Actors.Resilience.Units;
using Actors.Sessions.Operations;
using Actors.Sessions.Outbox;
using Actors.Sessions.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Actors.Sessions.Http;

/// <summary>
/// The routes of the service the gateway replaces, on the admin endpoints' Kestrel: <c>GET /get_qrcode</c>,
/// <c>GET /instance</c>, <c>POST /send</c>, <c>GET /queue-status/{instance_id}</c>,
/// <c>POST /reset-circuit-breaker/{instance_id}</c>, <c>POST /reset-circuit-breakers</c>, <c>GET /sessions</c>.
/// </summary>
public static class SessionRoutes
{
    /// <summary>The route set for <c>WithAdminRoutes</c>.</summary>
    /// <returns>The routes.</returns>
    public static AdminRouteSet Create() => new(
        "GET /get_qrcode?instance_id=; GET /instance?instance_id=; POST /send?instance_id=; GET /queue-status/{instance_id}; POST /reset-circuit-breaker/{instance_id}; POST /reset-circuit-breakers; GET /sessions",
        Map);

    private static void Map(IEndpointRouteBuilder app, ActorSystem system)
    {
        SessionOperations Ops() => new(SessionGateway.Get(system) ?? throw new InvalidOperationException("The session gateway is not running in this actor system."));

        app.MapGet("/get_qrcode", async (string? instance_id, CancellationToken ct) =>
            MissingId(instance_id, "GET /get_qrcode") ?? Unit(await Ops().GetQrCode(instance_id!, ct).ConfigureAwait(false)));
        app.MapGet("/instance", async (string? instance_id, CancellationToken ct) =>
            MissingId(instance_id, "GET /instance") ?? Results.Ok(await Ops().GetInstance(instance_id!, ct).ConfigureAwait(false)));
        app.MapGet("/queue-status/{instance_id}", async (string instance_id, CancellationToken ct) =>
            Results.Ok(await Ops().QueueStatus(instance_id, ct).ConfigureAwait(false)));
        app.MapPost("/send", async (HttpContext context, string? instance_id, CancellationToken ct) =>
        {
            if (MissingId(instance_id, "POST /send") is { } missing)
            {
                return missing;
            }

            SendRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<SendRequest>(context.Request.Body, s_json, ct).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return Problem(400, "bad body", $"The body of POST /send is not JSON of the form {{\"to\": \"...\", \"text\": \"...\", \"key\": \"optional\"}}: {e.Message}");
            }

            if (body is null || string.IsNullOrEmpty(body.To) || body.Text is null)
            {
                return Problem(400, "bad body", "POST /send needs a JSON body with a non-empty string \"to\" and a string \"text\" (\"key\" is optional: a generated one is returned).");
            }

            return await Ops().Send(instance_id!, body.To, body.Text, body.Key, ct).ConfigureAwait(false) switch
            {
                SendAccepted a => Results.Accepted($"/queue-status/{Uri.EscapeDataString(a.InstanceId)}", a),
                QueueFull f => Problem(429, "queue full", string.Create(CultureInfo.InvariantCulture, $"Queue full: instance {f.InstanceId} holds {f.Pending} messages the upstream has not acknowledged (limit {f.Capacity}, actors.sessions.outbox.capacity). Nothing was stored: retry when GET /queue-status/{f.InstanceId} shows room.")),
                object other => Problem(500, "unexpected answer", $"The outbox answered {other.GetType().Name}."),
            };
        });
        app.MapPost("/reset-circuit-breaker/{instance_id}", async (string instance_id, CancellationToken ct) =>
            await Ops().ResetBreaker(instance_id, ct).ConfigureAwait(false) is { } r
                ? Results.Ok(r)
                : Problem(404, "unknown instance", $"No session instance {instance_id} is running; GET /sessions lists them (GET /get_qrcode?instance_id={instance_id} starts one)."));
        app.MapPost("/reset-circuit-breakers", async (CancellationToken ct) => Results.Ok(await Ops().ResetAllBreakers(ct).ConfigureAwait(false)));
        app.MapGet("/sessions", async (int? limit, CancellationToken ct) =>
        {
            if (limit is < 1)
            {
                return Problem(400, "bad limit", "limit must be a positive number of instances.");
            }

            UnitInstanceList list = await Ops().List(ct).ConfigureAwait(false);
            int take = limit ?? 50;
            return Results.Ok(new { total = list.Instances.Count, limit = take, instances = list.Instances.Take(take) });
        });
    }

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    private static IResult? MissingId(string? id, string route) =>
        string.IsNullOrWhiteSpace(id) ? Problem(400, "instance_id is missing", $"{route} needs ?instance_id=<id>.") : null;

    private static IResult Unit(object answer) => answer switch
    {
        SessionStatus s => Results.Ok(new { instance_id = s.InstanceId, state = s.State, qr_code = s.QrCode, ready_since = s.ReadySince }),
        CircuitOpen c => Results.Problem(
            detail: string.Create(CultureInfo.InvariantCulture, $"The circuit breaker of session {c.Id} is open; it retries in {c.RetryAfter.TotalSeconds:0} s, or POST /reset-circuit-breaker/{c.Id} closes it now."),
            statusCode: 503,
            title: "circuit open",
            extensions: new Dictionary<string, object?> { ["retry_after_seconds"] = Math.Ceiling(c.RetryAfter.TotalSeconds) }),
        UnitWorkerFailed f => Problem(502, "session failed", $"Session {f.Id} failed while answering ({f.ExceptionType}: {f.Message}); it restarts after its backoff: ask again."),
        UnitBufferOverflow o => Problem(503, "session busy", $"Session {o.Id} is restarting and its buffer is full; ask again shortly."),
        _ => Problem(503, "session unavailable", $"The session answered {answer.GetType().Name}."),
    };

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, statusCode: status, title: title);
}
