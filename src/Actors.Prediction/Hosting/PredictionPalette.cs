using System.Globalization;
using Actors.Cmd;
using Actors.Prediction.Jobs;
using Actors.Resilience;

namespace Actors.Prediction.Hosting;

/// <summary>
/// The <c>predict</c> palette of <c>pbm</c>: <c>submit -f &lt;path&gt;</c> (a mutation: it needs the token; the file is
/// read on the node, size-checked first) and <c>jobs</c> (recent jobs with outcome and timings). Both call
/// <see cref="PredictionOperations"/>, as the HTTP routes do.
/// </summary>
internal static class PredictionPalette
{
    public static CommandPalette Create(ActorSystem system)
    {
        ArgumentDescriptor file = ArgumentDescriptor.Option("file", "-f", "The image file on the node (PNG or JPEG)", mandatory: true);
        ArgumentDescriptor model = ArgumentDescriptor.Option("model", "-m", "The model (the default model when absent)");
        ArgumentDescriptor limit = ArgumentDescriptor.Option("limit", "-n", "The most jobs to show", defaultValue: "20");
        return new CommandPaletteBuilder("predict", "Prediction jobs on ONNX Runtime")
            .AddMutatingCommand("submit", "Runs a prediction job on an image file and prints its outcome and timings", ctx => Submit(ctx, system), file, model)
            .AddCommand("jobs", "Recent jobs, newest first, with outcome and timings", ctx => Jobs(ctx, system), limit)
            .WithDefaultCommand("jobs")
            .Build();
    }

    private static PredictionOperations Operations(ActorSystem system) =>
        new(ResilienceRuntime.Get(system) ?? throw new InvalidOperationException("the resilience layer is not running"),
            PredictionRuntime.Get(system) ?? throw new InvalidOperationException("WithPrediction did not run"));

    private static async Task Submit(CommandContext ctx, ActorSystem system)
    {
        string path = ctx.GetString("file") ?? string.Empty;
        long max = PredictionRuntime.Get(system)!.Options.MaxUploadBytes;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            ctx.WriteLine($"error: no file '{path}' on the node (the path is read by the node, not by pbm)");
            return;
        }

        if (info.Length > max)
        {
            ctx.WriteLine($"error: '{path}' has {info.Length} bytes, more than the limit of {max} (actors.prediction.max-upload-bytes)");
            return;
        }

        byte[] bytes = await File.ReadAllBytesAsync(path, ctx.CancellationToken).ConfigureAwait(false);
        PredictionOutcome outcome = await Operations(system).SubmitAsync(bytes, info.Name, ctx.GetString("model"), ctx.CancellationToken).ConfigureAwait(false);
        if (outcome.Reply is PredictionSucceeded s)
        {
            string scores = string.Join(", ", s.Scores.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Label} {x.Score:0.####}")));
            ctx.Write(
                string.Create(CultureInfo.InvariantCulture, $"job {s.JobId}: {s.Label} ({scores}) on {s.Model}; {Timings(s.Timings)}; heatmap: {(s.HeatmapAvailable ? $"/predict/{s.JobId}/heatmap.png" : s.HeatmapError)}"),
                s);
        }
        else
        {
            ctx.WriteLine($"{outcome.Status} {outcome.Title}: {outcome.Reply}");
        }
    }

    private static Task Jobs(CommandContext ctx, ActorSystem system)
    {
        PredictionJobStore store = PredictionRuntime.Get(system)!.Store;
        int limit = Math.Clamp(ctx.GetInt("limit", 20), 1, store.Capacity);
        IReadOnlyList<PredictionJobRecord> jobs = store.Recent(limit);
        string table = jobs.Count == 0
            ? "(no jobs yet)"
            : CmdText.Table(
                ["JOB", "AT", "MODEL", "OUTCOME", "LABEL", "TIMINGS", "DETAIL"],
                jobs.Select(j => (IReadOnlyList<string>)
                [
                    j.JobId[..Math.Min(12, j.JobId.Length)],
                    j.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                    j.Model,
                    j.Outcome,
                    j.Label ?? "-",
                    j.Timings is null ? "-" : Timings(j.Timings),
                    j.Detail ?? "-",
                ]));
        ctx.Write($"{table}\n{jobs.Count} of {store.Count} jobs held shown ({store.Total} since start; the last {store.Capacity} are kept)", jobs);
        return Task.CompletedTask;
    }

    private static string Timings(StageTimings t) => string.Create(CultureInfo.InvariantCulture,
        $"total {t.TotalMs:0.#} ms (decode {t.DecodeMs:0.#}, pre {t.PreprocessMs:0.#}, run {t.InferenceMs:0.#}, post {t.PostprocessMs:0.#}, heatmap {t.HeatmapMs:0.#})");
}
