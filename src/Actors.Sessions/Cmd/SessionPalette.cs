using System.Globalization;
using Actors.Cmd;
using Actors.Resilience.Units;
using Actors.Sessions.Operations;
using Actors.Sessions.Outbox;
using Actors.Sessions.Worker;

namespace Actors.Sessions.Cmd;

/// <summary>
/// <c>pbm sessions ...</c>: list, show, qr, send, queue, reset, reset-all. Each command calls the same
/// <see cref="SessionOperations"/> as its HTTP twin.
/// </summary>
public static class SessionPalette
{
    /// <summary>Creates the palette.</summary>
    /// <param name="gateway">The running gateway.</param>
    /// <returns>The palette.</returns>
    public static CommandPalette Create(SessionGateway gateway)
    {
        var ops = new SessionOperations(gateway);
        ArgumentDescriptor id = ArgumentDescriptor.Option("id", "-i", "The instance id", mandatory: true);
        return new CommandPaletteBuilder("sessions", "WhatsApp-style sessions: sockets, breakers and durable outboxes")
            .AddCommand("list", "Running session instances", ctx => List(ctx, ops), ListLimit.Limit("sessions"), ListLimit.All("sessions"))
            .AddCommand("show", "One instance: unit, breaker, session and outbox", async ctx => Show(ctx, await ops.GetInstance(Id(ctx), ctx.CancellationToken).ConfigureAwait(false)), id)
            .AddCommand("queue", "One instance's outbox", async ctx => Queue(ctx, await ops.QueueStatus(Id(ctx), ctx.CancellationToken).ConfigureAwait(false)), id)
            .AddMutatingCommand("qr", "Resets the breaker, starts the session and shows its QR code or ready state", async ctx => Qr(ctx, await ops.GetQrCode(Id(ctx), ctx.CancellationToken).ConfigureAwait(false)), id)
            .AddMutatingCommand(
                "send",
                "Queues a message (persisted before the answer)",
                async ctx => Sent(ctx, await ops.Send(Id(ctx), ctx.GetString("to")!, ctx.GetString("text")!, ctx.GetString("key"), ctx.CancellationToken).ConfigureAwait(false)),
                id,
                ArgumentDescriptor.Option("to", "-t", "The recipient", mandatory: true),
                ArgumentDescriptor.Option("text", "-m", "The text", mandatory: true),
                ArgumentDescriptor.Option("key", "-k", "The idempotency key (generated when absent)"))
            .AddMutatingCommand("reset", "Closes one instance's breaker", async ctx =>
            {
                var r = await ops.ResetBreaker(Id(ctx), ctx.CancellationToken).ConfigureAwait(false)
                    ?? throw new CommandException(CmdErrorCodes.NotFound, $"No session instance {Id(ctx)} is running; `sessions list` shows them.");
                ctx.Write($"breaker of {r.Id}: {r.Previous} -> {r.State}", r);
            }, id)
            .AddMutatingCommand("reset-all", "Closes every session breaker", async ctx =>
            {
                var r = await ops.ResetAllBreakers(ctx.CancellationToken).ConfigureAwait(false);
                ctx.Write(string.Create(CultureInfo.InvariantCulture, $"reset {r.Instances} session breakers"), r);
            })
            .WithDefaultCommand("list")
            .Build();
    }

    private static string Id(CommandContext ctx) => ctx.GetString("id")!;

    private static async Task List(CommandContext ctx, SessionOperations ops)
    {
        int limit = ListLimit.Read(ctx);
        UnitInstanceList list = await ops.List(ctx.CancellationToken).ConfigureAwait(false);
        UnitInstanceSummary[] shown = list.Instances.Take(limit).ToArray();
        string text = list.Instances.Count == 0
            ? "(no running sessions)"
            : CmdText.Table(["ID", "STATE", "CREATED", "LAST-ACTIVITY"], shown.Select(i => (IReadOnlyList<string>)[i.Id, i.State.ToString(), Time(i.Created), Time(i.LastActivity)]))
              + "\n" + ListLimit.CountLine(shown.Length, list.Instances.Count, "session", "sessions");
        ctx.Write(text, new { total = list.Instances.Count, shown = shown.Length, instances = shown });
    }

    private static void Show(CommandContext ctx, SessionInstanceView v) => ctx.Write(
        CmdText.KeyValues(
        [
            ("instance", v.InstanceId),
            ("unit", v.Unit is null ? "not running" : v.Unit.State.ToString()),
            ("session", v.Session?.State ?? v.SessionOutcome ?? "-"),
            ("qr code", v.Session?.QrCode ?? "-"),
            ("pending", v.Queue.Pending.ToString(CultureInfo.InvariantCulture)),
            ("in flight", v.Queue.InFlight.ToString(CultureInfo.InvariantCulture)),
            ("accepted", v.Queue.AcceptedTotal.ToString(CultureInfo.InvariantCulture)),
            ("delivered", v.Queue.DeliveredTotal.ToString(CultureInfo.InvariantCulture)),
        ]),
        v);

    private static void Queue(CommandContext ctx, QueueStatus q) => ctx.Write(
        string.Create(CultureInfo.InvariantCulture, $"{q.InstanceId}: pending {q.Pending}/{q.Capacity}, in flight {q.InFlight}, accepted {q.AcceptedTotal}, delivered {q.DeliveredTotal}, worker {(q.WorkerAttached ? "attached" : "not attached")}"),
        q);

    private static void Qr(CommandContext ctx, object answer)
    {
        switch (answer)
        {
            case SessionStatus s:
                ctx.Write($"{s.InstanceId}: {s.State}{(s.QrCode is null ? string.Empty : " qr " + s.QrCode)}", s);
                break;
            case CircuitOpen c:
                throw new CommandException(CmdErrorCodes.CommandFailed, string.Create(CultureInfo.InvariantCulture, $"The breaker of {c.Id} is open (retry in {c.RetryAfter.TotalSeconds:0} s); `sessions reset -i {c.Id}` closes it."));
            default:
                throw new CommandException(CmdErrorCodes.CommandFailed, $"The session answered {answer.GetType().Name}; ask again.");
        }
    }

    private static void Sent(CommandContext ctx, object answer)
    {
        switch (answer)
        {
            case SendAccepted a:
                ctx.Write(string.Create(CultureInfo.InvariantCulture, $"accepted {a.Key} (#{a.Sequence}, {a.Pending} pending){(a.Duplicate ? ", duplicate key: nothing new stored" : string.Empty)}"), a);
                break;
            case QueueFull f:
                throw new CommandException(CmdErrorCodes.CommandFailed, string.Create(CultureInfo.InvariantCulture, $"Queue full: {f.InstanceId} holds {f.Pending} unacknowledged messages (limit {f.Capacity}); nothing was stored."));
            default:
                throw new CommandException(CmdErrorCodes.CommandFailed, $"The outbox answered {answer.GetType().Name}.");
        }
    }

    private static string Time(DateTimeOffset t) => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
