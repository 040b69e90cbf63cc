using Actors.Resilience;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;

namespace Actors.Cmd;

/// <summary>
/// The palettes over <c>Actors.Resilience</c>: health, units, breaker, errors, memory. Each command calls the same
/// operation object the HTTP admin endpoints call, so there is one implementation of each operation.
/// </summary>
public static class ResiliencePalettes
{
    /// <summary>Registers the health, units, breaker, errors and memory palettes on <paramref name="server"/>.</summary>
    /// <param name="server">The command server.</param>
    /// <param name="runtime">The running resilience layer.</param>
    public static void Register(CommandServer server, ResilienceRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(runtime);
        var health = new HealthOperations(runtime);
        var units = new UnitOperations(runtime);
        var errors = new ErrorOperations(runtime);
        var memory = new MemoryOperations(runtime);
        ArgumentDescriptor kind = ArgumentDescriptor.Option("kind", "-k", "The unit kind", mandatory: true);
        ArgumentDescriptor id = ArgumentDescriptor.Option("id", "-i", "The instance id", mandatory: true);
        ArgumentDescriptor anyKind = ArgumentDescriptor.Option("kind", "-k", "The unit kind (all kinds when absent)");

        server.Register(new CommandPaletteBuilder("health", "Health of this node's units, breakers and resources")
            .AddCommand("summary", "Status and score", Run(ct => health.GetSummary(ct)))
            .AddCommand("detailed", "Every unit, breaker and probe", Run(ct => health.GetDetailed(ct)))
            .AddStreamingCommand("watch", "The summary now and each time it changes, until cancelled", ctx => Watch(ctx, health))
            .WithDefaultCommand("summary")
            .Build());
        server.Register(new CommandPaletteBuilder("units", "Units of work and their instances")
            .AddCommand("list", "Live instances of a kind, or of every kind", ctx => ListUnits(ctx, units), anyKind)
            .AddCommand("show", "One instance's own account of itself", ctx => Emit(ctx, units.Get(Arg(ctx, "kind"), Arg(ctx, "id"), ctx.CancellationToken), "instance"), kind, id)
            .Build());
        server.Register(new CommandPaletteBuilder("breaker", "Per-instance circuit breakers")
            .AddCommand("list", "Every live instance's breaker: state, failures, retry-after", ctx => ListBreakers(ctx, units), anyKind)
            .AddCommand("reset", "Closes one instance's breaker", ctx => Emit(ctx, units.ResetBreaker(Arg(ctx, "kind"), Arg(ctx, "id"), ctx.CancellationToken), "instance"), kind, id)
            .AddCommand("reset-all", "Closes every breaker of a kind", ctx => Emit(ctx, units.ResetBreakers(Arg(ctx, "kind"), ctx.CancellationToken), "kind"), kind)
            .Build());
        server.Register(new CommandPaletteBuilder("errors", "The journal of recent failures")
            .AddCommand("tail", "The most recent failures", ctx => Emit(ctx, errors.Tail(ctx.GetInt("count", 20), ctx.CancellationToken), "journal"),
                ArgumentDescriptor.Option("count", "-n", "How many", defaultValue: "20"))
            .AddCommand("stats", "Failure counts", Run(ct => errors.Stats(ct)))
            .WithDefaultCommand("tail")
            .Build());
        server.Register(new CommandPaletteBuilder("memory", "The memory guard")
            .AddCommand("get", "Usage, thresholds and recent actions", Run(ct => memory.Get(ct)))
            .AddCommand("cleanup", "Runs a cleanup now", Run(ct => memory.Cleanup(ct)))
            .AddCommand("emergency", "Runs the emergency procedure now (passivates instances)", Run(ct => memory.Emergency(ct)))
            .WithDefaultCommand("get")
            .Build());
    }

    private static string Arg(CommandContext ctx, string name) => ctx.GetString(name)!;

    private static async Task ListUnits(CommandContext ctx, UnitOperations units)
    {
        if (ctx.GetString("kind") is { } kind)
        {
            UnitInstanceList list = await units.List(kind, ctx.CancellationToken).ConfigureAwait(false)
                ?? throw new CommandException(CmdErrorCodes.NotFound, $"Unknown kind: {kind}.");
            ctx.Write(UnitsTable([list]), list);
            return;
        }

        IReadOnlyList<UnitInstanceList> all = await units.ListAll(ctx.CancellationToken).ConfigureAwait(false);
        ctx.Write(all.Count == 0 ? "(no unit kinds)" : UnitsTable(all), all);
    }

    private static string UnitsTable(IReadOnlyList<UnitInstanceList> kinds)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (UnitInstanceList k in kinds)
        {
            if (k.Instances.Count == 0)
            {
                rows.Add([k.Kind, "(none)", "-", "-", "-"]);
            }

            rows.AddRange(k.Instances.Select(i => (IReadOnlyList<string>)[k.Kind, i.Id, Kebab(i.State.ToString()), Time(i.Created), Time(i.LastActivity)]));
        }

        return CmdText.Table(["KIND", "ID", "STATE", "CREATED", "LAST-ACTIVITY"], rows);
    }

    private static async Task ListBreakers(CommandContext ctx, UnitOperations units)
    {
        string? kind = ctx.GetString("kind");
        IReadOnlyList<UnitBreakerInfo> breakers = await units.ListBreakers(kind, ctx.CancellationToken).ConfigureAwait(false)
            ?? throw new CommandException(CmdErrorCodes.NotFound, $"Unknown kind: {kind}.");
        string text = breakers.Count == 0
            ? "(no live instances)"
            : CmdText.Table(
                ["KIND", "ID", "STATE", "FAILURES", "RETRY-AFTER", "RESET-TIMEOUT"],
                breakers.Select(b => (IReadOnlyList<string>)[b.Kind, b.Id, Kebab(b.State.ToString()), CmdDataText.Number(b.Failures), Span(b.RetryAfter), Span(b.ResetTimeout)]));
        ctx.Write(text, breakers);
    }

    private static async Task Watch(CommandContext ctx, HealthOperations health)
    {
        await foreach (HealthSummary summary in health.Watch(ctx.CancellationToken).ConfigureAwait(false))
        {
            if (!ctx.Write(CmdDataText.Render(summary), summary))
            {
                return; // the command ended or the client is gone
            }
        }
    }

    private static string Kebab(string pascal) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Span(TimeSpan t)
    {
        if (t <= TimeSpan.Zero)
        {
            return "-";
        }

        long s = (long)Math.Ceiling(t.TotalSeconds);
        System.Globalization.CultureInfo c = System.Globalization.CultureInfo.InvariantCulture;
        if (s >= 3600)
        {
            return string.Create(c, $"{s / 3600}h{s % 3600 / 60:00}m{s % 60:00}s");
        }

        return s >= 60 ? string.Create(c, $"{s / 60}m{s % 60:00}s") : string.Create(c, $"{s}s");
    }

    private static CommandHandler Run<T>(Func<CancellationToken, Task<T>> operation) =>
        async ctx =>
        {
            T result = await operation(ctx.CancellationToken).ConfigureAwait(false);
            ctx.Write(CmdDataText.Render(result), result);
        };

    private static async Task Emit<T>(CommandContext ctx, Task<T> operation, string what)
    {
        T result = await operation.ConfigureAwait(false);
        if (result is null)
        {
            throw new CommandException(CmdErrorCodes.NotFound, $"Unknown {what}: {string.Join(' ', ctx.Arguments.Values)}.");
        }

        ctx.Write(CmdDataText.Render(result), result);
    }
}
