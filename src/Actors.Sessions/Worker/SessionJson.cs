using System.Text.Json;

namespace Actors.Sessions.Worker;

/// <summary>The protocol's JSON: snake_case names.</summary>
internal static class SessionJson
{
    public static JsonSerializerOptions Options { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
