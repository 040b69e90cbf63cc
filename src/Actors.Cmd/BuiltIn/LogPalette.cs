namespace Actors.Cmd.BuiltIn;

/// <summary>The <c>log</c> palette: peek at the in-memory ring of recent events, or tail new ones.</summary>
internal static class LogPalette
{
    private static readonly TimeSpan s_askTimeout = TimeSpan.FromSeconds(10);

    public static CommandPalette Create() =>
        new CommandPaletteBuilder("log", "Recent log events of this node")
            .AddCommand("peek", "Prints the most recent log events", Peek,
                ArgumentDescriptor.Option("level", "-l", "Lowest level: debug, info, warning or error", defaultValue: "debug"),
                ListLimit.Limit("events"),
                ListLimit.All("events"))
            .AddStreamingCommand("tail", "Streams log events as they happen, until cancelled", Tail,
                ArgumentDescriptor.Option("level", "-l", "Lowest level: debug, info, warning or error", defaultValue: "debug"))
            .WithDefaultCommand("peek")
            .Build();

    private static LogLevel Level(CommandContext ctx)
    {
        string text = ctx.GetString("level") ?? "debug";
        return LogRecord.TryParseLevel(text, out LogLevel level)
            ? level
            : throw new CommandException(CmdErrorCodes.BadArguments, $"Unknown level [{text}]: use debug, info, warning or error.");
    }

    private static async Task Peek(CommandContext ctx)
    {
        int limit = ListLimit.Read(ctx);
        LogBufferActor.PeekResult result = await ctx.Server.LogBuffer
            .Ask<LogBufferActor.PeekResult>(new LogBufferActor.Peek(limit, Level(ctx)), s_askTimeout, ctx.CancellationToken)
            .ConfigureAwait(false);
        var page = new CmdPage<LogRecord>(result.Records, result.Matching);
        string lines = page.Shown == 0 ? "(no log events)" : string.Join('\n', page.Items.Select(r => r.ToString()));
        ctx.Write(ListLimit.WithCount(lines, page.Shown, page.Total, "event", "events"), page);
    }

    private static async Task Tail(CommandContext ctx)
    {
        LogLevel min = Level(ctx);
        var id = Guid.NewGuid();
        IActorRef buffer = ctx.Server.LogBuffer;
        await buffer.Ask<Akka.Done>(new LogBufferActor.AddTail(id, r =>
        {
            if (LogRecord.TryParseLevel(r.Level, out LogLevel level) && level >= min)
            {
                ctx.Write(r.ToString(), r);
            }
        }), s_askTimeout, ctx.CancellationToken).ConfigureAwait(false);
        try
        {
            await ctx.WhenCancelled().ConfigureAwait(false);
        }
        finally
        {
            buffer.Tell(new LogBufferActor.RemoveTail(id), ActorRefs.NoSender);
        }
    }
}
