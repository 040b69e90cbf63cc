using Actors.Feeds.Operations;
using Actors.Feeds.State;
using Actors.Hosting.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Actors.Feeds.Hosting;

/// <summary><c>GET /feeds?limit=&amp;offset=</c> and <c>GET /feeds/{symbol}</c> on the admin endpoints.</summary>
internal static class FeedRoutes
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static AdminRouteSet Create() => new("GET /feeds; GET /feeds/{symbol}", Map);

    private static void Map(IEndpointRouteBuilder app, ActorSystem system)
    {
        app.MapGet("/feeds", (HttpRequest request) =>
        {
            if (Operations(system) is not { } feeds)
            {
                return NotRunning();
            }

            if (!TryPaging(request, out int offset, out int limit, out IResult? problem))
            {
                return problem;
            }

            return Results.Ok(feeds.List(offset, limit));
        });
        app.MapGet("/feeds/{symbol}", (string symbol) =>
        {
            if (Operations(system) is not { } feeds)
            {
                return NotRunning();
            }

            FeedSnapshot? feed = feeds.Get(symbol);
            return feed is null
                ? Results.Problem(detail: $"no feed for symbol '{symbol}': GET /feeds lists the symbols this node runs (actors.feeds.symbols)", statusCode: 404, title: "unknown symbol")
                : Results.Ok(new { feed, unit_state = feeds.UnitState(symbol) });
        });
    }

    private static FeedOperations? Operations(ActorSystem system) => FeedsRuntime.Get(system) is { } runtime ? new FeedOperations(system, runtime) : null;

    private static IResult NotRunning() =>
        Results.Problem(detail: "the feeds are not running on this node: add WithFeeds to the AddAkka call", statusCode: 503, title: "feeds not running");

    private static bool TryPaging(HttpRequest request, out int offset, out int limit, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        offset = 0;
        limit = DefaultLimit;
        problem = null;
        if (request.Query.TryGetValue("offset", out var o) && (!int.TryParse(o, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            problem = Results.Problem(detail: $"offset must be a whole number of 0 or more, got '{o}'", statusCode: 400, title: "bad paging");
            return false;
        }

        if (request.Query.TryGetValue("limit", out var l) && (!int.TryParse(l, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            problem = Results.Problem(detail: $"limit must be a whole number from 1 to {MaxLimit}, got '{l}'", statusCode: 400, title: "bad paging");
            return false;
        }

        return true;
    }
}
