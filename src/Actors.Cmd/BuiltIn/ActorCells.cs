namespace Actors.Cmd.BuiltIn;

/// <summary>Reads the live actor tree from outside any actor. Every read is a snapshot that may be stale at once.</summary>
internal static class ActorCells
{
    /// <summary>Finds the cell at a path such as <c>/user/a/b</c>, <c>user/a</c> or <c>actors://sys/user/a</c>.</summary>
    public static ActorCell? Resolve(ActorSystem system, string path)
    {
        var impl = (ActorSystemImpl)system;
        string p = path.Trim();
        if (p.StartsWith(impl.Address, StringComparison.Ordinal))
        {
            p = p[impl.Address.Length..];
        }
        else if (p.StartsWith("actors://", StringComparison.Ordinal))
        {
            return null;
        }

        ActorCell cell = impl.RootCell;
        foreach (string element in p.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = element;
            int hash = name.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                name = name[..hash];
            }

            if (cell.Child(name) is not LocalActorRef child)
            {
                return null;
            }

            cell = child.Cell;
        }

        return cell;
    }

    public static string PathOf(ActorCell cell) => cell.Self.Path.ToStringWithoutAddress() is { Length: > 0 } s ? s : "/";

    public static string State(ActorCell cell) =>
        cell.IsTerminated ? "terminated"
        : cell.IsTerminating ? "stopping"
        : cell.Mailbox.IsSuspended ? "suspended"
        : cell.Actor is null ? "starting"
        : "running";

    public static IEnumerable<ActorCell> Children(ActorCell cell) =>
        cell.ChildrenSnapshot().OfType<LocalActorRef>().Select(r => r.Cell).OrderBy(c => c.Self.Path.Name, StringComparer.Ordinal);
}
