using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Actors.Hosting.Admin;

/// <summary>
/// The token policy, as the issue states it: "They bind to 127.0.0.1 by default; any other address requires a bearer
/// token from configuration, and every mutating call requires it." So: bound to loopback, reads are open and every
/// POST needs the token (refused while none is configured); bound to any other address, start-up requires a token
/// and every request needs it. Immutable, so safe from any request thread.
/// </summary>
internal sealed class AdminAuthorization
{
    private readonly byte[]? _tokenHash;
    private readonly bool _everyRequest;

    /// <summary>The query parameter accepted in place of the <c>Authorization</c> header.</summary>
    public const string AccessTokenParameter = "access_token";

    public AdminAuthorization(string token, bool isLoopback)
    {
        _tokenHash = token.Length == 0 ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
        _everyRequest = !isLoopback;
    }

    public static bool IsMutating(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    /// <summary>Runs the request when it is authorized; otherwise answers 401 with a problem and <c>WWW-Authenticate</c>.</summary>
    public Task Invoke(HttpContext context, RequestDelegate next)
    {
        if (!_everyRequest && !IsMutating(context.Request.Method))
        {
            return next(context);
        }

        if (_tokenHash is null)
        {
            return AdminProblems.WriteUnauthorized(
                context,
                "Mutating admin calls require a bearer token, and none is configured: set actors.admin.token (environment variable ACTORS__ADMIN__TOKEN).",
                invalidToken: false);
        }

        string header = context.Request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (header.Length == 0 && context.Request.Query.TryGetValue(AccessTokenParameter, out var queryToken) && queryToken.Count == 1)
        {
            // The clients of the services we replace pass ?access_token=; it counts as the bearer token.
            header = scheme + queryToken[0];
        }

        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            string which = _everyRequest ? "Every call" : "This call";
            return AdminProblems.WriteUnauthorized(context, $"{which} requires the header 'Authorization: Bearer <actors.admin.token>' (or the query parameter ?access_token=<actors.admin.token>).", invalidToken: false);
        }

        // Hashing first makes the comparison constant-time regardless of the lengths.
        byte[] sent = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(sent, _tokenHash)
            ? next(context)
            : AdminProblems.WriteUnauthorized(context, "The bearer token is not valid.", invalidToken: true);
    }
}
