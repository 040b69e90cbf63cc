using System.Globalization;
using Actors.Cmd;
using Actors.Feeds.Operations;
using Actors.Feeds.State;
using Actors.Feeds.Units;
using Actors.Resilience.Units;

namespace Actors.Feeds.Hosting;

/// <summary><c>pbm feeds list|show|restart</c>, over the same <see cref="FeedOperations"/> as <c>GET /feeds</c>.</summary>
public static class FeedsPalette
{
    /// <summary>Creates the palette for a system that runs feeds.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The palette.</returns>
    public static CommandPalette Create(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentDescriptor symbol = ArgumentDescriptor.Option("symbol", "-s", "The symbol, e.g. BTCUSDT", mandatory: true);
        return new CommandPaletteBuilder("feeds", "Exchange feeds: state, reconnects, stale and gap detections, confirm outcomes, paper positions")
            .AddCommand("list", "Every feed of this node", ctx => List(ctx, Ops(ctx)), ListLimit.Limit("feeds"), ListLimit.All("feeds"))
            .AddCommand("show", "One feed in detail", ctx => Show(ctx, Ops(ctx)), symbol)
            .AddMutatingCommand("restart", "Aborts a feed's connection; it resubscribes after its backoff", ctx => Restart(ctx, Ops(ctx)), symbol)
            .WithDefaultCommand("list")
            .Build();
    }

    private static FeedOperations Ops(CommandContext ctx) =>
        FeedsRuntime.Get(ctx.System) is { } runtime
            ? new FeedOperations(ctx.System, runtime)
            : throw new CommandException(CmdErrorCodes.NotFound, "The feeds are not running on this node: add WithFeeds to the AddAkka call.");

    private static Task List(CommandContext ctx, FeedOperations feeds)
    {
        int limit = ListLimit.Read(ctx);
        FeedList list = feeds.List(0, limit);
        string text = list.Total == 0
            ? "(no feeds: set actors.feeds.symbols)"
            : ListLimit.WithCount(
                CmdText.Table(
                    ["SYMBOL", "STATE", "LAST-TICK", "PRICE", "FRAMES", "RECONNECTS", "STALE", "GAPS", "GARBAGE", "FALLBACKS", "POSITION"],
                    list.Feeds.Select(f => (IReadOnlyList<string>)[f.Symbol, f.State, Age(f.LastTickAgeSeconds), N(f.LastPrice), N(f.Frames), N(f.Reconnects), N(f.StaleDetections), N(f.GapDetections), N(f.GarbageFrames), N(f.Confirm.Fallbacks), N(f.Paper.Book.Position)])),
                list.Feeds.Count,
                list.Total,
                "feed",
                "feeds");
        ctx.Write(text, list);
        return Task.CompletedTask;
    }

    private static Task Show(CommandContext ctx, FeedOperations feeds)
    {
        string symbol = ctx.GetString("symbol")!;
        FeedSnapshot f = feeds.Get(symbol) ?? throw new CommandException(CmdErrorCodes.NotFound, $"No feed for symbol '{symbol}': `pbm feeds list` shows this node's symbols.");
        string text = CmdText.KeyValues(
        [
            ("symbol", f.Symbol),
            ("state", $"{f.State} since {f.StateSince.ToString("u", CultureInfo.InvariantCulture)}"),
            ("unit", feeds.UnitState(symbol) ?? "(unknown)"),
            ("last tick", Age(f.LastTickAgeSeconds)),
            ("last price", N(f.LastPrice)),
            ("frames", $"{N(f.Frames)} ({N(f.Tickers)} tickers, {N(f.BookDeltas)} book deltas)"),
            ("connects", $"{N(f.Connects)} ({N(f.Reconnects)} reconnects)"),
            ("disconnects", $"dropped {N(f.Disconnects.Dropped)}, refused {N(f.Disconnects.Refused)}, stale {N(f.Disconnects.Stale)}, gap {N(f.Disconnects.Gap)}, overflow {N(f.Disconnects.Overflow)}, requested {N(f.Disconnects.Requested)}"),
            ("garbage frames", N(f.GarbageFrames)),
            ("gave up", N(f.RestartsExhausted)),
            ("signals", $"buy {N(f.BuySignals)}, sell {N(f.SellSignals)}"),
            ("confirm", $"confirmed {N(f.Confirm.Confirmed)}, timeout {N(f.Confirm.Timeout)}, error {N(f.Confirm.Error)}, malformed {N(f.Confirm.Malformed)}, disabled {N(f.Confirm.Disabled)} (fallbacks {N(f.Confirm.Fallbacks)})"),
            ("paper", $"position {N(f.Paper.Book.Position)}, fills {N(f.Paper.Book.Fills)}, rejected {N(f.Paper.Rejected)}, breaker {f.Paper.Breaker}"),
            ("last failure", f.LastFailure ?? "-"),
        ]);
        ctx.Write(text, f);
        return Task.CompletedTask;
    }

    private static async Task Restart(CommandContext ctx, FeedOperations feeds)
    {
        string symbol = ctx.GetString("symbol")!;
        object? answer = await feeds.Restart(symbol, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        string text = answer switch
        {
            null => throw new CommandException(CmdErrorCodes.NotFound, $"No feed for symbol '{symbol}': `pbm feeds list` shows this node's symbols."),
            FeedRestarted { HadConnection: true } => $"feed {symbol}: connection aborted; it resubscribes after its backoff",
            FeedRestarted => $"feed {symbol}: was already reconnecting",
            CircuitOpen open => $"feed {symbol}: its breaker is open; it retries in {open.RetryAfter.TotalSeconds:0} s (pbm breaker reset -k feed -i {symbol} to retry now)",
            _ => $"feed {symbol}: {answer.GetType().Name}",
        };
        ctx.Write(text, new { symbol, result = text });
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string N(decimal n) => n.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Age(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.0}s ago") : "never";
}
