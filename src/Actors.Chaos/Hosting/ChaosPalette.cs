using System.Globalization;
using Actors.Chaos.Configuration;
using Actors.Chaos.Monkey;
using Actors.Cmd;

namespace Actors.Chaos.Hosting;

/// <summary>
/// The <c>chaos</c> palette of <c>pbm</c>: <c>start [--rate R]</c> and <c>stop</c> (mutations: they need the token)
/// and <c>status</c> (the default). They call the monkey, as the admin routes do.
/// </summary>
internal static class ChaosPalette
{
    public static CommandPalette Create(ActorSystem system)
    {
        ArgumentDescriptor rate = ArgumentDescriptor.Option("rate", "-r", $"Faults per second (or N/s, N/min, N/h, an interval such as 500ms); {ChaosRate.AllowedText}");
        ArgumentDescriptor limit = ArgumentDescriptor.Option("limit", "-n", "The most recent injections to show", defaultValue: "10");
        return new CommandPaletteBuilder("chaos", "Chaos on demand: inject faults into every layer, then clear them")
            .AddMutatingCommand("start", "Starts injecting faults (or changes the rate)", ctx => Start(ctx, system), rate)
            .AddMutatingCommand("stop", "Stops injecting and clears every standing fault", ctx => Stop(ctx, system))
            .AddCommand("status", "Whether chaos runs, its rate, counts by fault and the latest injections", ctx => Status(ctx, system), limit)
            .WithDefaultCommand("status")
            .Build();
    }

    private static ChaosRuntime Runtime(ActorSystem system) => ChaosRuntime.Get(system) ?? throw new InvalidOperationException("WithChaos did not run on this node");

    private static async Task Start(CommandContext ctx, ActorSystem system)
    {
        double? perSecond = null;
        if (ctx.GetString("rate") is { } text)
        {
            if (!ChaosRate.TryParse(text, out double r, out string? error))
            {
                ctx.WriteLine($"error: {error}");
                return;
            }

            perSecond = r;
        }

        object answer = await Runtime(system).StartAsync(perSecond, ctx.CancellationToken).ConfigureAwait(false);
        if (answer is ChaosStatus status)
        {
            ctx.Write(Format(status, 10), status);
        }
        else
        {
            ctx.WriteLine($"error: {(answer as ChaosRefused)?.Reason ?? answer.ToString()}");
        }
    }

    private static async Task Stop(CommandContext ctx, ActorSystem system)
    {
        ChaosStatus status = await Runtime(system).StopAsync(ctx.CancellationToken).ConfigureAwait(false);
        ctx.Write(Format(status, 10), status);
    }

    private static async Task Status(CommandContext ctx, ActorSystem system)
    {
        ChaosStatus status = await Runtime(system).StatusAsync(ctx.CancellationToken).ConfigureAwait(false);
        ctx.Write(Format(status, Math.Clamp(ctx.GetInt("limit", 10), 0, status.RecentCapacity)), status);
    }

    /// <summary>The status as text: a head line, the counts by fault, the latest injections.</summary>
    internal static string Format(ChaosStatus s, int limit)
    {
        string head = s.Running
            ? string.Create(CultureInfo.InvariantCulture, $"chaos: RUNNING at {ChaosRate.Format(s.RatePerSecond)} since {s.StartedAt:HH:mm:ss}")
            : string.Create(CultureInfo.InvariantCulture, $"chaos: stopped{(s.StoppedAt is { } at ? $" at {at:HH:mm:ss}, standing faults cleared" : string.Empty)} (rate {ChaosRate.Format(s.RatePerSecond)})");
        string counts = string.Create(CultureInfo.InvariantCulture, $"injected {s.Injected}, skipped {s.Skipped}, failed {s.Failed}");
        string faults = CmdText.Table(
            ["FAULT", "WEIGHT", "INJECTED"],
            s.Faults.Select(f => (IReadOnlyList<string>)[f.Name, f.Weight.ToString("0.##", CultureInfo.InvariantCulture), s.ByFault.GetValueOrDefault(f.Name).ToString(CultureInfo.InvariantCulture)]));
        IEnumerable<ChaosInjectionRecord> recent = s.Recent.Take(limit);
        string latest = !recent.Any()
            ? "(no injections yet)"
            : CmdText.Table(
                ["AT", "FAULT", "OUTCOME", "TARGET", "DETAIL"],
                recent.Select(r => (IReadOnlyList<string>)[r.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture), r.Fault, r.Outcome.ToString().ToLowerInvariant(), r.Target.Length == 0 ? "-" : r.Target, r.Detail]));
        string errors = s.ClearErrors.Count == 0 ? string.Empty : $"\nnot cleared: {string.Join("; ", s.ClearErrors)}";
        return $"{head}; {counts}\n{faults}\n{latest}{errors}";
    }
}
