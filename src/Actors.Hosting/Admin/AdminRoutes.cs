using System.Globalization;
using Actors.Resilience;
using Actors.Resilience.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Actors.Hosting.Admin;

/// <summary>
/// The admin routes. Each calls one operation object of <c>Actors.Resilience.Operations</c>, the same ones the
/// <c>pbm</c> palettes call, so each operation has one implementation. Unknown kinds and ids answer 404 problems.
/// Breakers live under <c>/breakers</c> rather than <c>/units/{kind}/breakers</c>, which would hide an instance whose id
/// is "breakers". <c>/health/watch</c> streams server-sent events (the twin of <c>pbm health watch</c>).
/// </summary>
internal static class AdminRoutes
{
    public const int DefaultErrorCount = 50;
    public const int MaxErrorCount = 1000;

    public static void Map(IEndpointRouteBuilder app, ResilienceRuntime runtime)
    {
        var health = new HealthOperations(runtime);
        var errors = new ErrorOperations(runtime);
        var memory = new MemoryOperations(runtime);
        var units = new UnitOperations(runtime);

        app.MapGet("/health", (CancellationToken ct) => health.GetSummary(ct));
        app.MapGet("/health/detailed", (CancellationToken ct) => health.GetDetailed(ct));
        app.MapGet("/health/watch", (CancellationToken ct) => TypedResults.ServerSentEvents(health.Watch(ct), eventType: "health"));

        app.MapGet("/admin/errors", async (HttpContext context, CancellationToken ct) =>
        {
            string? text = context.Request.Query["count"];
            int count = DefaultErrorCount;
            if (text is not null && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxErrorCount))
            {
                return AdminProblems.BadRequest($"count must be a whole number from 1 to {MaxErrorCount}, found '{text}'.");
            }

            ErrorStatsView stats = await errors.Stats(ct).ConfigureAwait(false);
            IReadOnlyList<PublicError> recent = await errors.Tail(count, ct).ConfigureAwait(false);
            return Results.Ok(new AdminErrorsView(stats, recent));
        });
        app.MapGet("/admin/memory", (CancellationToken ct) => memory.Get(ct));
        app.MapPost("/admin/cleanup", (CancellationToken ct) => memory.Cleanup(ct));
        app.MapPost("/admin/emergency", (CancellationToken ct) => memory.Emergency(ct));

        app.MapGet("/units", (CancellationToken ct) => units.ListAll(ct));
        app.MapGet("/breakers", async (CancellationToken ct) => Results.Ok(await units.ListBreakers(null, ct).ConfigureAwait(false)));
        app.MapGet("/breakers/{kind}", async (string kind, CancellationToken ct) =>
            await units.ListBreakers(kind, ct).ConfigureAwait(false) is { } breakers ? Results.Ok(breakers) : UnknownKind(kind));
        app.MapGet("/units/{kind}", async (string kind, CancellationToken ct) =>
            await units.List(kind, ct).ConfigureAwait(false) is { } list ? Results.Ok(list) : UnknownKind(kind));
        app.MapGet("/units/{kind}/{id}", async (string kind, string id, CancellationToken ct) =>
            await units.Get(kind, id, ct).ConfigureAwait(false) is { } info ? Results.Ok(info) : await UnknownInstance(runtime, kind, id).ConfigureAwait(false));
        app.MapPost("/units/{kind}/{id}/reset-breaker", async (string kind, string id, CancellationToken ct) =>
            await units.ResetBreaker(kind, id, ct).ConfigureAwait(false) is { } reset ? Results.Ok(reset) : await UnknownInstance(runtime, kind, id).ConfigureAwait(false));
        app.MapPost("/units/{kind}/reset-breakers", async (string kind, CancellationToken ct) =>
            await units.ResetBreakers(kind, ct).ConfigureAwait(false) is { } reset ? Results.Ok(reset) : UnknownKind(kind));

        app.MapFallback((HttpContext context) => AdminProblems.NotFound(
            $"No admin endpoint answers {context.Request.Method} {context.Request.Path}. Endpoints: GET /health, /health/detailed, /health/watch, " +
            "/admin/errors, /admin/memory, /units, /units/{kind}, /units/{kind}/{id}, /breakers, /breakers/{kind}; POST /admin/cleanup, /admin/emergency, /units/{kind}/{id}/reset-breaker, /units/{kind}/reset-breakers."));
    }

    private static IResult UnknownKind(string kind) => AdminProblems.NotFound($"Unknown unit kind '{kind}'.");

    private static async Task<IResult> UnknownInstance(ResilienceRuntime runtime, string kind, string id) =>
        await runtime.GetRegionAsync(kind).ConfigureAwait(false) is null
            ? UnknownKind(kind)
            : AdminProblems.NotFound($"No live instance '{id}' of unit kind '{kind}'.");
}
