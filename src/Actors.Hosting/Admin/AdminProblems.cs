using Microsoft.AspNetCore.Http;

namespace Actors.Hosting.Admin;

/// <summary>RFC 7807 problem details for the admin endpoints: a status, a title and a detail, never a stack trace.</summary>
internal static class AdminProblems
{
    public const string Realm = "actors-admin";

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}");

    /// <summary>Writes a 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750), <c>error="invalid_token"</c> when a token was sent.</summary>
    public static Task WriteUnauthorized(HttpContext context, string detail, bool invalidToken)
    {
        context.Response.Headers.WWWAuthenticate = invalidToken
            ? $"Bearer realm=\"{Realm}\", error=\"invalid_token\""
            : $"Bearer realm=\"{Realm}\"";
        return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail).ExecuteAsync(context);
    }
}
