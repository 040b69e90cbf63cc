using System.Globalization;
using System.Text;
using Actors.Resilience;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;

namespace Actors.Cmd.BuiltIn;

/// <summary>
/// The <c>actor</c> palette: hierarchy, stat, stop, over the real Akka tree. Actors are found with
/// <see cref="ActorSelection"/> and <see cref="Identify"/> (<see cref="ActorQuery"/>), the way any Akka.NET user can:
/// nothing here reads an actor's cell, mailbox or class.
/// </summary>
internal static class ActorPalette
{
    /// <summary>How many actors a walk finds at most without <c>--all</c> (so the count line can say "of 3,012").</summary>
    public const int WalkCap = 10_000;

    /// <summary>How many actors a walk finds at most with <c>--all</c>.</summary>
    public const int WalkCapAll = 100_000;

    public static CommandPalette Create() =>
        new CommandPaletteBuilder("actor", "Inspect and stop actors")
            .AddCommand("hierarchy", "The actor tree, found by selection and Identify (depth, timeout and limit apply)", Hierarchy,
                ArgumentDescriptor.Option("depth", "-d", "How many levels below the path to walk (0 = all)", defaultValue: "0"),
                ArgumentDescriptor.Option("path", "-p", "Where to start (/ shows /user and /system)", defaultValue: "/"),
                ListLimit.Limit("actors"),
                ListLimit.All("actors"))
            .AddCommand(
                "stat",
                "Any actor: what Akka exposes (answers Identify, uid, children by selection); a unit instance: also its own counters",
                Stat,
                ArgumentDescriptor.Option("path", "-p", "The actor's path, e.g. /user/orders; for /user/units/<kind>/<id> (and the actors inside) the unit's state, breaker, retries, failures, buffered messages and last failure follow", mandatory: true))
            .AddMutatingCommand("stop", "Stops an actor and its children (guardians and /system are refused)", Stop,
                ArgumentDescriptor.Option("path", "-p", "The actor's path", mandatory: true))
            .Build();

    private static async Task Hierarchy(CommandContext ctx)
    {
        int depth = ctx.GetInt("depth", 0);
        if (depth < 0)
        {
            throw new CommandException(CmdErrorCodes.BadArguments, "-d must be 0 (all) or more.");
        }

        int limit = ListLimit.Read(ctx);
        string path = ActorQuery.Normalize(ctx.System, ctx.GetString("path") ?? "/");
        bool fromRoot = path == "/";
        await using ActorQuery query = await ActorQuery.StartAsync(ctx.Server, ctx.CancellationToken).ConfigureAwait(false);
        IActorRef root = await query.ResolveAsync(path, ctx.CancellationToken).ConfigureAwait(false)
            ?? throw new CommandException(CmdErrorCodes.NotFound, $"No actor at [{path}].");

        // From "/", the guardians /user and /system are the roots shown: walk one level deeper to keep -d relative to them.
        int walkDepth = depth == 0 ? 0 : depth + (fromRoot ? 1 : 0);
        int cap = limit == int.MaxValue ? WalkCapAll : Math.Max(limit, WalkCap);
        ActorQuery.Walk walk = await query.WalkAsync(root, walkDepth, cap + (fromRoot ? 0 : 1), ctx.CancellationToken).ConfigureAwait(false);

        List<ActorQuery.Node> roots = fromRoot
            ? (walk.Root.Children ?? []).OrderBy(n => n.Name switch { "user" => 0, "system" => 1, _ => 2 }).ThenBy(n => n.Name, StringComparer.Ordinal).ToList()
            : [walk.Root];
        int total = fromRoot ? walk.Found : walk.Found + 1;
        HashSet<ActorQuery.Node> shown = FirstBreadthFirst(roots, limit);
        ActorNodeInfo[] infos = roots.Where(shown.Contains).Select(n => Info(ctx.Server, n, shown)).ToArray();
        var info = new ActorHierarchyInfo(infos, shown.Count, total, walk.Complete);

        var sb = new StringBuilder();
        foreach (ActorNodeInfo node in infos)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(node.Path).Append(Describe(node));
            AppendChildren(sb, node, string.Empty);
        }

        sb.Append('\n').Append(CountLine(info, walk, depth, ctx.Server.Options.ActorQueryTimeout));
        ctx.Write(sb.ToString(), info);
    }

    /// <summary>The first <paramref name="limit"/> nodes in breadth-first order, children by name: the top of the tree is shown first.</summary>
    private static HashSet<ActorQuery.Node> FirstBreadthFirst(List<ActorQuery.Node> roots, int limit)
    {
        var shown = new HashSet<ActorQuery.Node>();
        var queue = new Queue<ActorQuery.Node>(roots);
        while (queue.Count > 0 && shown.Count < limit)
        {
            ActorQuery.Node node = queue.Dequeue();
            shown.Add(node);
            foreach (ActorQuery.Node child in Sorted(node))
            {
                queue.Enqueue(child);
            }
        }

        return shown;
    }

    private static IEnumerable<ActorQuery.Node> Sorted(ActorQuery.Node node) =>
        (node.Children ?? []).OrderBy(c => c.Name, StringComparer.Ordinal);

    private static ActorNodeInfo Info(CommandServer server, ActorQuery.Node node, HashSet<ActorQuery.Node> shown)
    {
        List<ActorQuery.Node>? children = node.Children;
        ActorNodeInfo[]? included = children is null ? null : Sorted(node).Where(shown.Contains).Select(c => Info(server, c, shown)).ToArray();
        return new ActorNodeInfo(node.Name, node.Path, ActorRoles.Describe(server, node.Path), included)
        {
            MoreChildren = children is null ? 0 : children.Count - included!.Length,
        };
    }

    private static string CountLine(ActorHierarchyInfo info, ActorQuery.Walk walk, int depth, TimeSpan timeout)
    {
        string line = walk.Capped
            ? $"showing {info.Shown.ToString("N0", CultureInfo.InvariantCulture)} of more than {info.Total.ToString("N0", CultureInfo.InvariantCulture)} actors (the walk stops there); -d to walk fewer levels"
            : ListLimit.CountLine(info.Shown, info.Total, "actor", "actors");
        if (depth > 0)
        {
            line += $" (depth {depth.ToString(CultureInfo.InvariantCulture)})";
        }

        if (walk.Unanswered > 0)
        {
            line += $"; {walk.Unanswered.ToString(CultureInfo.InvariantCulture)} actors did not answer within {timeout.TotalSeconds:0.###}s (busy?), so the tree may be incomplete";
        }

        return line;
    }

    private static string Describe(ActorNodeInfo node) => node.Role is null ? string.Empty : $"  ({node.Role})";

    private static void AppendChildren(StringBuilder sb, ActorNodeInfo node, string indent)
    {
        if (node.Children is null)
        {
            return;
        }

        for (int i = 0; i < node.Children.Count; i++)
        {
            ActorNodeInfo child = node.Children[i];
            bool last = i == node.Children.Count - 1 && node.MoreChildren == 0;
            sb.Append('\n').Append(indent).Append(last ? "└── " : "├── ").Append(child.Name).Append(Describe(child));
            AppendChildren(sb, child, indent + (last ? "    " : "│   "));
        }

        if (node.MoreChildren > 0)
        {
            sb.Append('\n').Append(indent).Append("└── … ").Append(node.MoreChildren.ToString("N0", CultureInfo.InvariantCulture)).Append(" more");
        }
    }

    private static async Task Stat(CommandContext ctx)
    {
        string path = ActorQuery.Normalize(ctx.System, ctx.GetString("path")!);
        await using ActorQuery query = await ActorQuery.StartAsync(ctx.Server, ctx.CancellationToken).ConfigureAwait(false);
        IActorRef actor;
        try
        {
            actor = await query.ResolveAsync(path, ctx.CancellationToken).ConfigureAwait(false)
                ?? throw new CommandException(CmdErrorCodes.NotFound, $"No actor at [{path}].");
        }
        catch (CommandException e) when (e.Code == CmdErrorCodes.CommandFailed)
        {
            // It exists but is busy: say so, with what is known without its answer.
            var busy = new ActorStatInfo(path, ActorRoles.Describe(ctx.Server, path), false, null, [], false, null, null);
            ctx.Write(CmdText.KeyValues([("path", path), ("answers Identify", $"no: {e.Message}")]), busy);
            return;
        }

        ActorQuery.Walk walk = await query.WalkAsync(actor, maxDepth: 1, WalkCapAll, ctx.CancellationToken).ConfigureAwait(false);
        string[] children = Sorted(walk.Root).Select(c => c.Name).ToArray();
        (int? instances, UnitInstanceInfo? unit) = await UnitCountersAsync(ctx, path).ConfigureAwait(false);
        var stat = new ActorStatInfo(path, ActorRoles.Describe(ctx.Server, path), true, actor.Path.ToStringWithUid(), children, walk.Complete, instances, unit);

        var akka = new List<(string, string)>
        {
            ("path", stat.Path),
            ("role", stat.Role ?? "-"),
            ("answers Identify", "yes"),
            ("address", stat.Address!),
            ("children", ChildrenText(children, walk.Complete)),
        };
        if (instances is { } n)
        {
            akka.Add(("live instances", n.ToString(CultureInfo.InvariantCulture)));
        }

        string text = "akka (any actor):\n" + Indent(CmdText.KeyValues(akka));
        if (unit is not null)
        {
            text += "\n\nunit (the instance's own counters):\n" + Indent(CmdText.KeyValues(
            [
                ("unit", $"{unit.Kind}/{unit.Id}"),
                ("state", Kebab(unit.State.ToString())),
                ("since", unit.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                ("breaker", Kebab(unit.Breaker.ToString())),
                ("retry after", unit.RetryAfter > TimeSpan.Zero ? unit.RetryAfter.ToString("c", CultureInfo.InvariantCulture) : "-"),
                ("retry attempt", unit.RetryAttempt.ToString(CultureInfo.InvariantCulture)),
                ("failures", unit.Failures.ToString(CultureInfo.InvariantCulture)),
                ("buffered messages", unit.BufferedMessages.ToString(CultureInfo.InvariantCulture)),
                ("last failure", unit.LastFailure ?? "-"),
            ]));
        }

        ctx.Write(text, stat);
    }

    private static string ChildrenText(string[] children, bool complete)
    {
        string count = children.Length.ToString(CultureInfo.InvariantCulture) + (complete ? string.Empty : "+ (some did not answer in time)");
        return children.Length switch
        {
            0 => count,
            <= 10 => $"{count} ({string.Join(", ", children)})",
            _ => $"{count} ({string.Join(", ", children.Take(10))}, …)",
        };
    }

    private static string Indent(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string Kebab(string pascal) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);

    /// <summary>For a unit region: its live instances; for a unit instance or an actor inside one: the instance's own counters.</summary>
    private static async Task<(int? Instances, UnitInstanceInfo? Unit)> UnitCountersAsync(CommandContext ctx, string path)
    {
        if (ResilienceRuntime.Get(ctx.System) is not { } runtime
            || !ActorRoles.TryParseUnit(ActorRoles.PathOf(runtime.Units), path, out string kind, out string? id, out _))
        {
            return (null, null);
        }

        var units = new UnitOperations(runtime);
        if (id is null)
        {
            UnitInstanceList? list = await units.List(kind, ctx.CancellationToken).ConfigureAwait(false);
            return (list?.Instances.Count, null);
        }

        return (null, await units.Get(kind, id, ctx.CancellationToken).ConfigureAwait(false));
    }

    private static async Task Stop(CommandContext ctx)
    {
        string path = ActorQuery.Normalize(ctx.System, ctx.GetString("path")!);
        string[] elements = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (elements.Length <= 1)
        {
            throw new CommandException(CmdErrorCodes.Refused, $"[{path}] is a guardian; stopping it would stop the system.");
        }

        if (elements[0] == "system")
        {
            string server = ActorRoles.PathOf(ctx.Server.Actor);
            throw new CommandException(CmdErrorCodes.Refused, path == server || path.StartsWith(server + "/", StringComparison.Ordinal)
                ? $"[{path}] belongs to the command server itself."
                : $"[{path}] is one of Akka's system actors; stopping it could break the node.");
        }

        await using ActorQuery query = await ActorQuery.StartAsync(ctx.Server, ctx.CancellationToken).ConfigureAwait(false);
        IActorRef actor = await query.ResolveAsync(path, ctx.CancellationToken).ConfigureAwait(false)
            ?? throw new CommandException(CmdErrorCodes.NotFound, $"No actor at [{path}].");
        ctx.System.Stop(actor);
        ctx.Write($"Stop sent to {path}.", new { path, stopping = true });
    }
}
