using Actors.Hosting.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Actors.Dashboard.Tests;

/// <summary>
/// Stands in for the chaos routes, with their contract as the dashboard relies on it: <c>GET /admin/chaos</c> answers
/// <c>{ "running": bool, ... }</c>; <c>POST /admin/chaos/start</c> and <c>/stop</c> (token required, like every POST).
/// </summary>
internal sealed class FakeChaos
{
    private int _running;

    public bool Running => Volatile.Read(ref _running) == 1;

    public AdminRouteSet Routes => new("GET /admin/chaos; POST /admin/chaos/start, /admin/chaos/stop", (app, _) =>
    {
        app.MapGet("/admin/chaos", () => Results.Ok(new { running = Running, faults = 0 }));
        app.MapPost("/admin/chaos/start", () =>
        {
            Volatile.Write(ref _running, 1);
            return Results.Ok(new { running = true });
        });
        app.MapPost("/admin/chaos/stop", () =>
        {
            Volatile.Write(ref _running, 0);
            return Results.Ok(new { running = false });
        });
    });
}
