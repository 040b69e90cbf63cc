namespace Actors.Sessions.Http;

/// <summary>The body of <c>POST /send</c>.</summary>
internal sealed record SendRequest(string? To, string? Text, string? Key);
