using Actors.Chaos.Configuration;
using Actors.Chaos.Monkey;
using Actors.Hosting.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Actors.Chaos.Hosting;

/// <summary>
/// The admin routes of chaos (the dashboard relies on this contract): <c>GET /admin/chaos[?limit=N]</c> answers the
/// status; <c>POST /admin/chaos/start[?rate=R]</c> starts (or changes the rate) and answers the status, 400 for a
/// rate out of range, 409 when every fault is off; <c>POST /admin/chaos/stop</c> answers the status once every
/// standing fault was cleared. POSTs need the admin token, like every admin POST.
/// </summary>
internal static class ChaosRoutes
{
    public static AdminRouteSet RouteSet { get; } = new("GET /admin/chaos; POST /admin/chaos/start?rate=; POST /admin/chaos/stop", Map);

    private static void Map(IEndpointRouteBuilder app, ActorSystem system)
    {
        app.MapGet("/admin/chaos", (string? limit, CancellationToken ct) => Status(system, limit, ct));
        app.MapPost("/admin/chaos/start", (string? rate, CancellationToken ct) => Start(system, rate, ct));
        app.MapPost("/admin/chaos/stop", (CancellationToken ct) => Stop(system, ct));
    }

    private static async Task<IResult> Status(ActorSystem system, string? limitText, CancellationToken ct)
    {
        if (ChaosRuntime.Get(system) is not { } runtime)
        {
            return NotRunning();
        }

        int limit = 20;
        if (limitText is not null && (!int.TryParse(limitText, out limit) || limit < 0 || limit > runtime.Options.RecentCapacity))
        {
            return Problem(400, "Bad request", $"limit must be a whole number from 0 to {runtime.Options.RecentCapacity} (actors.chaos.recent).");
        }

        return Results.Ok(View(await runtime.StatusAsync(ct).ConfigureAwait(false), limit));
    }

    private static async Task<IResult> Start(ActorSystem system, string? rateText, CancellationToken ct)
    {
        if (ChaosRuntime.Get(system) is not { } runtime)
        {
            return NotRunning();
        }

        double? rate = null;
        if (rateText is not null)
        {
            if (!ChaosRate.TryParse(rateText, out double perSecond, out string? error))
            {
                return Problem(400, "Bad rate", error!);
            }

            rate = perSecond;
        }

        object answer = await runtime.StartAsync(rate, ct).ConfigureAwait(false);
        return answer switch
        {
            ChaosStatus status => Results.Ok(View(status, 20)),
            ChaosRefused refused => Problem(409, "Chaos refused", refused.Reason),
            _ => Problem(500, "Unexpected answer", "the chaos monkey answered something unexpected"),
        };
    }

    private static async Task<IResult> Stop(ActorSystem system, CancellationToken ct) =>
        ChaosRuntime.Get(system) is { } runtime
            ? Results.Ok(View(await runtime.StopAsync(ct).ConfigureAwait(false), 20))
            : NotRunning();

    /// <summary>The JSON shape of the status (snake_case written out, so it does not depend on the serializer's policy).</summary>
    internal static Dictionary<string, object?> View(ChaosStatus s, int limit) => new()
    {
        ["running"] = s.Running,
        ["rate_per_second"] = s.RatePerSecond,
        ["rate"] = ChaosRate.Format(s.RatePerSecond),
        ["started_at"] = s.StartedAt,
        ["stopped_at"] = s.StoppedAt,
        ["injected"] = s.Injected,
        ["skipped"] = s.Skipped,
        ["failed"] = s.Failed,
        ["by_fault"] = s.ByFault,
        ["recent"] = s.Recent.Take(limit).Select(r => new Dictionary<string, object?>
        {
            ["at"] = r.At,
            ["fault"] = r.Fault,
            ["target"] = r.Target,
            ["detail"] = r.Detail,
            ["outcome"] = r.Outcome.ToString().ToLowerInvariant(),
        }).ToArray(),
        ["recent_total"] = s.Recent.Count,
        ["recent_capacity"] = s.RecentCapacity,
        ["faults"] = s.Faults.Select(f => new Dictionary<string, object?> { ["name"] = f.Name, ["weight"] = f.Weight, ["description"] = f.Description }).ToArray(),
        ["clear_errors"] = s.ClearErrors,
    };

    private static IResult NotRunning() => Problem(503, "Chaos not running", "WithChaos did not start on this node.");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}");
}
