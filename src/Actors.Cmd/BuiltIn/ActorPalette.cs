using System.Globalization;
using System.Text;

namespace Actors.Cmd.BuiltIn;

/// <summary>The <c>actor</c> palette: hierarchy, stat, stop.</summary>
internal static class ActorPalette
{
    public static CommandPalette Create() =>
        new CommandPaletteBuilder("actor", "Inspect and stop actors")
            .AddCommand("hierarchy", "Prints the actor tree", Hierarchy,
                ArgumentDescriptor.Option("depth", "-d", "How many levels below the path to show (0 = all)", defaultValue: "0"),
                ArgumentDescriptor.Option("path", "-p", "Where to start (/ shows /user and /system)", defaultValue: "/"))
            .AddCommand("stat", "Mailbox depth, messages processed, restarts and state of one actor", Stat,
                ArgumentDescriptor.Option("path", "-p", "The actor's path, e.g. /user/orders", mandatory: true))
            .AddCommand("stop", "Stops an actor (and its children)", Stop,
                ArgumentDescriptor.Option("path", "-p", "The actor's path", mandatory: true))
            .Build();

    private static Task Hierarchy(CommandContext ctx)
    {
        int depth = ctx.GetInt("depth", 0);
        if (depth < 0)
        {
            throw new CommandException(CmdErrorCodes.BadArguments, "-d must be 0 (all) or more.");
        }

        int limit = depth == 0 ? int.MaxValue : depth;
        string path = ctx.GetString("path") ?? "/";
        ActorCell cell = ActorCells.Resolve(ctx.System, path) ?? throw new CommandException(CmdErrorCodes.NotFound, $"No actor at [{path}].");
        List<ActorCell> roots = ((ActorSystemImpl)ctx.System).IsRootCell(cell)
            ? ActorCells.Children(cell).OrderBy(c => c.Self.Path.Name == "user" ? 0 : 1).ToList()
            : [cell];
        var nodes = roots.Select(c => Node(c, limit)).ToList();
        var sb = new StringBuilder();
        foreach (ActorNodeInfo node in nodes)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(node.Path).Append(Describe(node));
            AppendChildren(sb, node, string.Empty);
        }

        ctx.Write(sb.ToString(), nodes);
        return Task.CompletedTask;
    }

    private static ActorNodeInfo Node(ActorCell cell, int levels) =>
        new(cell.Self.Path.Name, ActorCells.PathOf(cell), TypeName(cell), ActorCells.State(cell),
            levels <= 0 ? null : ActorCells.Children(cell).Select(c => Node(c, levels - 1)).ToList());

    private static string Describe(ActorNodeInfo node) =>
        node.State == "running" ? $"  ({node.Type})" : $"  ({node.Type}, {node.State})";

    private static void AppendChildren(StringBuilder sb, ActorNodeInfo node, string indent)
    {
        if (node.Children is null)
        {
            return;
        }

        for (int i = 0; i < node.Children.Count; i++)
        {
            ActorNodeInfo child = node.Children[i];
            bool last = i == node.Children.Count - 1;
            sb.Append('\n').Append(indent).Append(last ? "└── " : "├── ").Append(child.Name).Append(Describe(child));
            AppendChildren(sb, child, indent + (last ? "    " : "│   "));
        }
    }

    private static string TypeName(ActorCell cell) => (cell.Actor?.GetType() ?? cell.Props.Type).Name;

    private static Task Stat(CommandContext ctx)
    {
        string path = ctx.GetString("path")!;
        ActorCell cell = ActorCells.Resolve(ctx.System, path) ?? throw new CommandException(CmdErrorCodes.NotFound, $"No actor at [{path}].");
        var stat = new ActorStatInfo(
            ActorCells.PathOf(cell),
            TypeName(cell),
            ActorCells.State(cell),
            cell.Mailbox.Count,
            cell.MessagesProcessed,
            cell.RestartCount,
            cell.ChildrenSnapshot().Count,
            cell.Props.Dispatcher,
            cell.Props.Mailbox);
        string text = CmdText.KeyValues(
        [
            ("path", stat.Path),
            ("type", stat.Type),
            ("state", stat.State),
            ("mailbox depth", stat.MailboxDepth.ToString(CultureInfo.InvariantCulture)),
            ("messages processed", stat.MessagesProcessed.ToString(CultureInfo.InvariantCulture)),
            ("restarts", stat.Restarts.ToString(CultureInfo.InvariantCulture)),
            ("children", stat.Children.ToString(CultureInfo.InvariantCulture)),
            ("dispatcher", stat.Dispatcher),
            ("mailbox", stat.Mailbox),
        ]);
        ctx.Write(text, stat);
        return Task.CompletedTask;
    }

    private static Task Stop(CommandContext ctx)
    {
        string path = ctx.GetString("path")!;
        ActorCell cell = ActorCells.Resolve(ctx.System, path) ?? throw new CommandException(CmdErrorCodes.NotFound, $"No actor at [{path}].");
        string resolved = ActorCells.PathOf(cell);
        string server = ActorCells.PathOf(((LocalActorRef)ActorCell.Unwrap(ctx.Server.Actor)).Cell);
        if (cell.Self.Path.Depth <= 1)
        {
            throw new CommandException(CmdErrorCodes.Refused, $"[{resolved}] is a guardian; stopping it would stop the system.");
        }

        if (resolved == server || resolved.StartsWith(server + "/", StringComparison.Ordinal))
        {
            throw new CommandException(CmdErrorCodes.Refused, $"[{resolved}] belongs to the command server itself.");
        }

        ctx.System.Stop(cell.Self);
        ctx.Write($"Stop sent to {resolved}.", new { path = resolved, stopping = true });
        return Task.CompletedTask;
    }
}
