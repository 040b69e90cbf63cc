using Actors.Resilience;
using Actors.Resilience.Operations;

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

        server.Register(new CommandPaletteBuilder("health", "Health of this node's units, breakers and resources")
            .AddCommand("summary", "Status and score", Run(ct => health.GetSummary(ct)))
            .AddCommand("detailed", "Every unit, breaker and probe", Run(ct => health.GetDetailed(ct)))
            .WithDefaultCommand("summary")
            .Build());
        server.Register(new CommandPaletteBuilder("units", "Units of work and their instances")
            .AddCommand("list", "Live instances of a kind", ctx => Emit(ctx, units.List(Arg(ctx, "kind"), ctx.CancellationToken), "kind"), kind)
            .AddCommand("show", "One instance's own account of itself", ctx => Emit(ctx, units.Get(Arg(ctx, "kind"), Arg(ctx, "id"), ctx.CancellationToken), "instance"), kind, id)
            .Build());
        server.Register(new CommandPaletteBuilder("breaker", "Per-instance circuit breakers")
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
