using Actors.Resilience;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Actors.Hosting.Admin;

/// <summary>
/// The admin routes. Each calls one operation object of <c>Actors.Resilience.Operations</c>, the same ones the
/// <c>pbm</c> palettes call, so each operation has one implementation. Lists answer one page (<c>?limit=&amp;offset=</c>)
/// with the total. Unknown kinds and ids answer 404 problems. Breakers live under <c>/breakers</c> rather than
/// <c>/units/{kind}/breakers</c>, which would hide an instance whose id is "breakers". <c>/health/watch</c> streams
/// server-sent events (the twin of <c>pbm health watch</c>); <c>/health/watch/detailed</c> and <c>/admin/errors/watch</c> are
/// the streams the dashboard follows.
/// </summary>
internal static class AdminRoutes
{
    public static void Map(IEndpointRouteBuilder app, ResilienceRuntime runtime, AdminEndpointOptions options, ActorSystem system, IReadOnlyList<AdminRouteSet> extraRoutes)
    {
        var health = new HealthOperations(runtime);
        var errors = new ErrorOperations(runtime);
        var memory = new MemoryOperations(runtime);
        var units = new UnitOperations(runtime);

        app.MapGet("/health", (CancellationToken ct) => health.GetSummary(ct));
        app.MapGet("/health/detailed", (CancellationToken ct) => health.GetDetailed(ct));
        app.MapGet("/health/watch", (HttpContext context) => TypedResults.ServerSentEvents(AdminStreams.UntilStopping(context, health.Watch), eventType: "health"));
        app.MapGet("/health/watch/detailed", (HttpContext context) => TypedResults.ServerSentEvents(AdminStreams.UntilStopping(context, health.WatchDetailed), eventType: "health"));
        app.MapGet("/admin/errors/watch", (HttpContext context) =>
            AdminWatchBacklog.TryRead(context.Request, options, out int backlog, out IResult? problem)
                ? TypedResults.ServerSentEvents(AdminStreams.UntilStopping(context, ct => errors.Watch(backlog, ct)), eventType: "error")
                : problem!);

        app.MapGet("/admin/errors", async (HttpRequest request, CancellationToken ct) =>
        {
            if (!AdminPage.TryRead(request, options, out AdminPage page, out IResult? problem))
            {
                return problem!;
            }

            ErrorStatsView stats = await errors.Stats(ct).ConfigureAwait(false);

            // The newest `offset + limit` failures, oldest first; the page leaves out the newest `offset` of them.
            IReadOnlyList<PublicError> tail = await errors.Tail(page.Offset + page.Limit, ct).ConfigureAwait(false);
            IReadOnlyList<PublicError> recent = tail.Take(Math.Max(0, tail.Count - page.Offset)).ToArray();
            return Results.Ok(new AdminErrorsView(stats, stats.Retained, page.Offset, page.Limit, recent));
        });
        app.MapGet("/admin/memory", (CancellationToken ct) => memory.Get(ct));
        app.MapPost("/admin/cleanup", (CancellationToken ct) => memory.Cleanup(ct));
        app.MapPost("/admin/emergency", (CancellationToken ct) => memory.Emergency(ct));

        app.MapGet("/units", async (HttpRequest request, CancellationToken ct) =>
        {
            if (!AdminPage.TryRead(request, options, out AdminPage page, out IResult? problem))
            {
                return problem!;
            }

            IReadOnlyList<UnitInstanceList> all = await units.ListAll(ct).ConfigureAwait(false);
            return Results.Ok(all.Select(list => AdminUnitPage.From(list, page)).ToArray());
        });
        app.MapGet("/units/{kind}", async (string kind, HttpRequest request, CancellationToken ct) =>
        {
            if (!AdminPage.TryRead(request, options, out AdminPage page, out IResult? problem))
            {
                return problem!;
            }

            return await units.List(kind, ct).ConfigureAwait(false) is { } list ? Results.Ok(AdminUnitPage.From(list, page)) : UnknownKind(kind);
        });
        app.MapGet("/breakers", (HttpRequest request, CancellationToken ct) => Breakers(units, null, request, options, ct));
        app.MapGet("/breakers/{kind}", (string kind, HttpRequest request, CancellationToken ct) => Breakers(units, kind, request, options, ct));
        app.MapGet("/units/{kind}/{id}", async (string kind, string id, CancellationToken ct) =>
            await units.Get(kind, id, ct).ConfigureAwait(false) is { } info ? Results.Ok(info) : await UnknownInstance(runtime, kind, id).ConfigureAwait(false));
        app.MapPost("/units/{kind}/{id}/reset-breaker", async (string kind, string id, CancellationToken ct) =>
            await units.ResetBreaker(kind, id, ct).ConfigureAwait(false) is { } reset ? Results.Ok(reset) : await UnknownInstance(runtime, kind, id).ConfigureAwait(false));
        app.MapPost("/units/{kind}/reset-breakers", async (string kind, CancellationToken ct) =>
            await units.ResetBreakers(kind, ct).ConfigureAwait(false) is { } reset ? Results.Ok(reset) : UnknownKind(kind));

        foreach (AdminRouteSet routes in extraRoutes)
        {
            routes.Map(app, system);
        }

        string extra = string.Concat(extraRoutes.Select(r => " " + r.Summary.TrimEnd('.') + "."));
        app.MapFallback((HttpContext context) => AdminProblems.NotFound(
            $"No admin endpoint answers {context.Request.Method} {context.Request.Path}. Endpoints: GET /health, /health/detailed, /health/watch, /health/watch/detailed, " +
            (options.Metrics ? "/metrics, " : string.Empty) + "/admin/errors, /admin/errors/watch, /admin/memory, /units, /units/{kind}, /units/{kind}/{id}, /breakers, /breakers/{kind}; POST /admin/cleanup, /admin/emergency, /units/{kind}/{id}/reset-breaker, /units/{kind}/reset-breakers." + extra));
    }

    private static async Task<IResult> Breakers(UnitOperations units, string? kind, HttpRequest request, AdminEndpointOptions options, CancellationToken ct)
    {
        if (!AdminPage.TryRead(request, options, out AdminPage page, out IResult? problem))
        {
            return problem!;
        }

        IReadOnlyList<UnitBreakerInfo>? breakers = await units.ListBreakers(kind, ct).ConfigureAwait(false);
        return breakers is null
            ? UnknownKind(kind!)
            : Results.Ok(new AdminBreakerPage(breakers.Count, page.Offset, page.Limit, page.Of(breakers)));
    }

    private static IResult UnknownKind(string kind) => AdminProblems.NotFound($"Unknown unit kind '{kind}'.");

    private static async Task<IResult> UnknownInstance(ResilienceRuntime runtime, string kind, string id) =>
        await runtime.GetRegionAsync(kind).ConfigureAwait(false) is null
            ? UnknownKind(kind)
            : AdminProblems.NotFound($"No live instance '{id}' of unit kind '{kind}'.");
}
