using Microsoft.AspNetCore.Http;

namespace Actors.Hosting.Admin;

/// <summary>How many recorded failures <c>GET /admin/errors/watch</c> sends before the new ones: <c>?backlog=</c>.</summary>
internal static class AdminWatchBacklog
{
    /// <summary>The backlog when the request names none.</summary>
    public const int Default = 20;

    /// <summary>Reads <c>?backlog=</c> (0 to the largest page); a malformed or out-of-range value answers a 400 problem naming it.</summary>
    public static bool TryRead(HttpRequest request, AdminEndpointOptions options, out int backlog, out IResult? problem)
    {
        problem = null;
        return AdminPage.TryReadInt(request, "backlog", 0, options.MaxPageSize, Math.Min(Default, options.MaxPageSize), out backlog, ref problem);
    }
}
