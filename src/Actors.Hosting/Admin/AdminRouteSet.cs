using Microsoft.AspNetCore.Routing;

namespace Actors.Hosting.Admin;

/// <summary>
/// Routes a workload adds to the admin endpoints (see <see cref="AdminHostingExtensions.WithAdminRoutes"/>): they share
/// the admin port, its token policy, its JSON options (snake_case) and its problem answers.
/// </summary>
/// <param name="Summary">The routes as the fallback's 404 lists them, for example <c>"POST /predict; GET /predict/{job}/heatmap.png"</c>.</param>
/// <param name="Map">Maps the routes; called once when the endpoints start, with the running actor system.</param>
public sealed record AdminRouteSet(string Summary, Action<IEndpointRouteBuilder, ActorSystem> Map);
