using Actors.Resilience;

namespace Actors.Cmd.BuiltIn;

/// <summary>
/// Names what an actor is, for the actors this node knows: Akka's guardians, the command server, and the resilience
/// layer's actors (recognized by their path relative to the running <see cref="ResilienceRuntime"/>).
/// </summary>
internal static class ActorRoles
{
    public static string? Describe(CommandServer server, string path)
    {
        switch (path)
        {
            case "/user":
                return "user guardian";
            case "/system":
                return "system guardian";
        }

        if (path == PathOf(server.Actor))
        {
            return "command server";
        }

        if (path == PathOf(server.LogBuffer))
        {
            return "log ring of the command server";
        }

        if (ResilienceRuntime.Get(server.System) is not { } runtime)
        {
            return null;
        }

        if (path == PathOf(runtime.Health))
        {
            return "health aggregator";
        }

        if (path == PathOf(runtime.Errors))
        {
            return "error journal";
        }

        if (path == PathOf(runtime.Memory))
        {
            return "memory guard";
        }

        string units = PathOf(runtime.Units);
        if (path == units)
        {
            return "units guardian";
        }

        if (!TryParseUnit(units, path, out string kind, out string? id, out string? inside))
        {
            return null;
        }

        return (id, inside) switch
        {
            (null, _) => $"unit region of kind {kind}",
            (_, null) => $"unit instance {kind}/{id}",
            (_, "breaker") => $"circuit breaker of unit {kind}/{id}",
            (_, "worker") => $"worker of unit {kind}/{id}",
            _ => $"inside unit {kind}/{id}",
        };
    }

    /// <summary>Splits a path under the units guardian into kind, instance id (unescaped) and the first name below the instance.</summary>
    public static bool TryParseUnit(string unitsPath, string path, out string kind, out string? id, out string? inside)
    {
        kind = string.Empty;
        id = null;
        inside = null;
        if (!path.StartsWith(unitsPath + "/", StringComparison.Ordinal))
        {
            return false;
        }

        string[] rest = path[(unitsPath.Length + 1)..].Split('/');
        kind = rest[0];
        if (rest.Length > 1)
        {
            id = Uri.UnescapeDataString(rest[1]);
        }

        if (rest.Length > 2)
        {
            inside = rest[2];
        }

        return kind.Length > 0;
    }

    public static string PathOf(IActorRef actor) =>
        actor.IsNobody() ? "\0" : actor.Path.ToStringWithoutAddress() is { Length: > 0 } s ? s : "/";
}
