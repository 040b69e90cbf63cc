using System.Globalization;
using System.Text;
using Actors.Resilience;
using Actors.Resilience.Health;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;

namespace Actors.Cmd;

/// <summary>
/// The palettes over <c>Actors.Resilience</c>: health, units, breaker, errors, memory. Each command calls the same
/// operation object the HTTP admin endpoints call, so there is one implementation of each operation. The command
/// server registers them by itself as soon as the system runs a resilience runtime
/// (<see cref="CmdServerOptions.RegisterResiliencePalettes"/>); <see cref="Register"/> does it by hand.
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
            .AddCommand("detailed", "Status, reasons, totals per kind, resources, and a table of instances", ctx => Detailed(ctx, health),
                ListLimit.Limit("instances"), ListLimit.All("instances"))
            .AddStreamingCommand("watch", "The summary now and each time it changes, until cancelled", ctx => Watch(ctx, health))
            .WithDefaultCommand("summary")
            .Build());
        server.Register(new CommandPaletteBuilder("units", "Units of work and their instances")
            .AddCommand("list", "Live instances of a kind, or of every kind", ctx => ListUnits(ctx, units), anyKind, ListLimit.Limit("instances"), ListLimit.All("instances"))
            .AddCommand("show", "One instance's own account of itself", ctx => Emit(ctx, units.Get(Arg(ctx, "kind"), Arg(ctx, "id"), ctx.CancellationToken), "instance"), kind, id)
            .Build());
        server.Register(new CommandPaletteBuilder("breaker", "Per-instance circuit breakers")
            .AddCommand("list", "Every live instance's breaker: state, failures, retry-after", ctx => ListBreakers(ctx, units), anyKind, ListLimit.Limit("breakers"), ListLimit.All("breakers"))
            .AddMutatingCommand("reset", "Closes one instance's breaker", ctx => Emit(ctx, units.ResetBreaker(Arg(ctx, "kind"), Arg(ctx, "id"), ctx.CancellationToken), "instance"), kind, id)
            .AddMutatingCommand("reset-all", "Closes every breaker of a kind", ctx => Emit(ctx, units.ResetBreakers(Arg(ctx, "kind"), ctx.CancellationToken), "kind"), kind)
            .Build());
        server.Register(new CommandPaletteBuilder("errors", "The journal of recent failures")
            .AddCommand("tail", "The most recent failures, oldest first", ctx => Tail(ctx, errors), ListLimit.Limit("failures"), ListLimit.All("failures"))
            .AddCommand("stats", "Failure counts", Run(ct => errors.Stats(ct)))
            .WithDefaultCommand("tail")
            .Build());
        server.Register(new CommandPaletteBuilder("memory", "The memory guard")
            .AddCommand("get", "Usage, thresholds and recent actions", Run(ct => memory.Get(ct)))
            .AddMutatingCommand("cleanup", "Runs a cleanup now", Run(ct => memory.Cleanup(ct)))
            .AddMutatingCommand("emergency", "Runs the emergency procedure now: stops non-critical instances and refuses new work until memory is below the soft threshold", Run(ct => memory.Emergency(ct)))
            .WithDefaultCommand("get")
            .Build());
        server.MarkResiliencePalettesRegistered();
    }

    private static string Arg(CommandContext ctx, string name) => ctx.GetString(name)!;

    private static async Task ListUnits(CommandContext ctx, UnitOperations units)
    {
        int limit = ListLimit.Read(ctx);
        IReadOnlyList<UnitInstanceList> kinds;
        if (ctx.GetString("kind") is { } kind)
        {
            UnitInstanceList list = await units.List(kind, ctx.CancellationToken).ConfigureAwait(false)
                ?? throw new CommandException(CmdErrorCodes.NotFound, $"Unknown kind: {kind}.");
            kinds = [list];
        }
        else
        {
            kinds = await units.ListAll(ctx.CancellationToken).ConfigureAwait(false);
        }

        UnitRow[] all = kinds.SelectMany(k => k.Instances.Select(i => new UnitRow(k.Kind, i.Id, i.State, i.Created, i.LastActivity))).ToArray();
        CmdPage<UnitRow> page = ListLimit.Page(all, limit);
        if (kinds.Count == 0)
        {
            ctx.Write("(no unit kinds)", page);
            return;
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (UnitInstanceList k in kinds.Where(k => k.Instances.Count == 0))
        {
            rows.Add([k.Kind, "(none)", "-", "-", "-"]);
        }

        rows.AddRange(page.Items.Select(r => (IReadOnlyList<string>)[r.Kind, r.Id, Kebab(r.State.ToString()), Time(r.Created), Time(r.LastActivity)]));
        string table = CmdText.Table(["KIND", "ID", "STATE", "CREATED", "LAST-ACTIVITY"], rows);
        ctx.Write(ListLimit.WithCount(table, page.Shown, page.Total, "instance", "instances"), page);
    }

    private static async Task ListBreakers(CommandContext ctx, UnitOperations units)
    {
        int limit = ListLimit.Read(ctx);
        string? kind = ctx.GetString("kind");
        IReadOnlyList<UnitBreakerInfo> breakers = await units.ListBreakers(kind, ctx.CancellationToken).ConfigureAwait(false)
            ?? throw new CommandException(CmdErrorCodes.NotFound, $"Unknown kind: {kind}.");
        CmdPage<UnitBreakerInfo> page = ListLimit.Page(breakers, limit);
        string text = breakers.Count == 0
            ? "(no live instances)"
            : ListLimit.WithCount(
                CmdText.Table(
                    ["KIND", "ID", "STATE", "FAILURES", "RETRY-AFTER", "RESET-TIMEOUT"],
                    page.Items.Select(b => (IReadOnlyList<string>)[b.Kind, b.Id, Kebab(b.State.ToString()), CmdDataText.Number(b.Failures), Span(b.RetryAfter), Span(b.ResetTimeout)])),
                page.Shown,
                page.Total,
                "breaker",
                "breakers");
        ctx.Write(text, page);
    }

    private static async Task Tail(CommandContext ctx, ErrorOperations errors)
    {
        int limit = ListLimit.Read(ctx);
        ErrorStatsView stats = await errors.Stats(ctx.CancellationToken).ConfigureAwait(false);
        IReadOnlyList<PublicError> tail = await errors.Tail(limit, ctx.CancellationToken).ConfigureAwait(false);
        var page = new CmdPage<PublicError>(tail, Math.Max(stats.Retained, tail.Count));
        string text = tail.Count == 0
            ? "(no failures)"
            : ListLimit.WithCount(
                CmdText.Table(
                    ["SEQ", "TIME", "ACTOR", "UNIT", "EXCEPTION", "MESSAGE", "DIRECTIVE"],
                    tail.Select(e => (IReadOnlyList<string>)
                    [
                        CmdDataText.Number(e.Sequence),
                        Time(e.Time),
                        e.ActorPath,
                        e.UnitKind is null ? "-" : $"{e.UnitKind}/{e.UnitId}",
                        ShortType(e.ExceptionType),
                        e.Message,
                        e.Directive,
                    ])),
                page.Shown,
                page.Total,
                "failure retained",
                "failures retained");
        ctx.Write(text, page);
    }

    private static async Task Detailed(CommandContext ctx, HealthOperations health)
    {
        int limit = ListLimit.Read(ctx);
        HealthDetails d = await health.GetDetailed(ctx.CancellationToken).ConfigureAwait(false);
        UnitInstanceHealth[] instances = d.Instances.OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToArray();
        CmdPage<UnitInstanceHealth> page = ListLimit.Page(instances, limit);
        var data = new HealthDetailsPage(d with { Instances = page.Items }, page.Total);

        var sb = new StringBuilder();
        HealthSummary s = d.Summary;
        sb.Append(CmdText.KeyValues(
        [
            ("status", s.Status),
            ("health_score", CmdDataText.Number(s.HealthScore)),
            ("time", Time(d.Time)),
            ("failures_per_minute", CmdDataText.Number(d.FailuresPerMinute)),
            ("messages_per_minute", CmdDataText.Number(d.MessagesPerMinute)),
            ("error_rate", d.ErrorRate.ToString("0.####", CultureInfo.InvariantCulture)),
            ("resources", Resources(d.Resources)),
        ]));
        sb.Append("\n\nreasons:\n").Append(d.Reasons.Count == 0 ? "  (none)" : string.Join('\n', d.Reasons.Select(r => "  - " + r)));
        sb.Append("\n\nkinds:\n").Append(d.Kinds.Count == 0 ? "(no unit kinds)" : CmdText.Table(
            ["KIND", "INSTANCES", "ACTIVE", "CONNECTING", "BACKING-OFF", "CIRCUIT-OPEN", "STOPPED", "RESTARTS", "RETRIES", "RECENT-FAILURES", "BREAKER-OPENED", "P95"],
            d.Kinds.Select(k => (IReadOnlyList<string>)
            [
                k.Kind, CmdDataText.Number(k.Instances), CmdDataText.Number(k.Active), CmdDataText.Number(k.Connecting), CmdDataText.Number(k.BackingOff),
                CmdDataText.Number(k.CircuitOpen), CmdDataText.Number(k.Stopped), CmdDataText.Number(k.Restarts), CmdDataText.Number(k.RetryAttempts),
                CmdDataText.Number(k.RecentFailures), CmdDataText.Number(k.BreakerActivations), k.P95HandlingTime is { } p ? Millis(p) : "-",
            ])));
        sb.Append("\n\ninstances:\n");
        if (instances.Length == 0)
        {
            sb.Append("(no instances)");
        }
        else
        {
            sb.Append(ListLimit.WithCount(
                CmdText.Table(
                    ["KIND", "ID", "STATE", "SINCE", "RESTARTS", "RETRIES", "RECENT-FAILURES", "BREAKER-OPENED", "LAST-FAILURE"],
                    page.Items.Select(i => (IReadOnlyList<string>)
                    [
                        i.Kind, i.Id, Kebab(i.State.ToString()), Time(i.Since), CmdDataText.Number(i.Restarts), CmdDataText.Number(i.RetryAttempts),
                        CmdDataText.Number(i.RecentFailures), CmdDataText.Number(i.BreakerActivations), Truncate(i.LastFailure ?? "-", 80),
                    ])),
                page.Shown,
                page.Total,
                "instance",
                "instances"));
        }

        ctx.Write(sb.ToString(), data);
    }

    private static string Resources(ResourceSample r)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        return string.Join(", ",
            $"cpu {Percent(r.CpuPercent)}",
            $"memory {Percent(r.MemoryPercent)}",
            string.Create(c, $"working set {r.WorkingSetBytes / (1024.0 * 1024):0.#} MiB"),
            string.Create(c, $"gc heap {r.GcHeapBytes / (1024.0 * 1024):0.#} MiB"),
            string.Create(c, $"gc pause {r.GcPausePercent:0.##}%"),
            $"disk {Percent(r.DiskPercent)}",
            string.Create(c, $"thread pool queue {r.ThreadPoolQueueLength}"));
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "?";

    private static string Millis(TimeSpan t) => t.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture) + "ms";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string ShortType(string fullName) => fullName.LastIndexOf('.') is var dot and >= 0 ? fullName[(dot + 1)..] : fullName;

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

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan t)
    {
        if (t <= TimeSpan.Zero)
        {
            return "-";
        }

        long s = (long)Math.Ceiling(t.TotalSeconds);
        CultureInfo c = CultureInfo.InvariantCulture;
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
