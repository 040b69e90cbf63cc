using Actors.Event;

namespace Actors.Cmd.BuiltIn;

/// <summary>The <c>log</c> palette: peek at the in-memory ring of recent events, or tail new ones.</summary>
internal static class LogPalette
{
    private static readonly TimeSpan s_askTimeout = TimeSpan.FromSeconds(10);

    public static CommandPalette Create() =>
        new CommandPaletteBuilder("log", "Recent log events of this node")
            .AddCommand("peek", "Prints the most recent log events", Peek,
                ArgumentDescriptor.Option("count", "-n", "How many events at most", defaultValue: "50"),
                ArgumentDescriptor.Option("level", "-l", "Lowest level: debug, info, warning or error", defaultValue: "debug"))
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
        int count = ctx.GetInt("count", 50);
        if (count < 1)
        {
            throw new CommandException(CmdErrorCodes.BadArguments, "-n must be at least 1.");
        }

        LogRecord[] records = await ctx.Server.LogBuffer
            .Ask<LogRecord[]>(new LogBufferActor.Peek(count, Level(ctx)), s_askTimeout, ctx.CancellationToken)
            .ConfigureAwait(false);
        string text = records.Length == 0 ? "(no log events)" : string.Join('\n', records.Select(r => r.ToString()));
        ctx.Write(text, records);
    }

    private static async Task Tail(CommandContext ctx)
    {
        LogLevel min = Level(ctx);
        var id = Guid.NewGuid();
        IActorRef buffer = ctx.Server.LogBuffer;
        await buffer.Ask<Done>(new LogBufferActor.AddTail(id, r =>
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
