using Actors.Hosting.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Actors.Hosting.Dashboard;

/// <summary>
/// Serves the dashboard's files (GET and HEAD of <c>/</c>, <c>/dashboard</c> and <c>/dashboard/{file}</c>), ahead of
/// the token check: they are the same for everyone and carry no data, and a browser cannot attach a bearer header to
/// a page load. Everything the page then reads or does goes through the admin endpoints and their token policy.
/// Caching: <c>no-cache</c> with a strong <c>ETag</c>, so a browser revalidates (a cheap 304) and never runs the
/// files of an older node version. The page gets a strict content security policy (its own files only, no inline
/// script) and no referrer, since its address may carry the token.
/// </summary>
internal static class DashboardFiles
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Adds the middleware when <see cref="AdminEndpointOptions.Dashboard"/> is on; call it before the token check.</summary>
    public static void Use(IApplicationBuilder app, AdminEndpointOptions options)
    {
        if (options.Dashboard)
        {
            app.Use(Serve);
        }
    }

    private static Task Serve(HttpContext context, RequestDelegate next)
    {
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? "/";
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return next(context);
        }

        if (Find(path) is not { } asset)
        {
            // The routes' fallback does not see paths that look like files, so an unknown file is answered here.
            return path.StartsWith(DashboardAssets.Prefix, StringComparison.Ordinal)
                ? AdminProblems.NotFound($"The dashboard has no file '{path[DashboardAssets.Prefix.Length..]}': it serves index.html, dashboard.js and dashboard.css.").ExecuteAsync(context)
                : next(context);
        }

        HttpResponse response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (ReferenceEquals(asset, DashboardAssets.Page))
        {
            response.Headers.ContentSecurityPolicy = Policy;
            response.Headers.XFrameOptions = "DENY";
        }

        if (request.Headers.IfNoneMatch.Count > 0
            && EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out IList<EntityTagHeaderValue>? tags)
            && tags.Any(t => t.Tag == EntityTagHeaderValue.Any.Tag || t.Tag.Equals(asset.ETag, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(asset.Content, context.RequestAborted).AsTask();
    }

    private static DashboardAsset? Find(string path) => path switch
    {
        "/" or "/dashboard" or "/dashboard/" or "/dashboard/index.html" => DashboardAssets.Page,
        _ when path.StartsWith(DashboardAssets.Prefix, StringComparison.Ordinal) => DashboardAssets.Find(path[DashboardAssets.Prefix.Length..]),
        _ => null,
    };
}
