using Actors.Cmd;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Prediction.Configuration;
using Actors.Resilience;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Actors.Prediction.Hosting;

/// <summary>The Akka.Hosting extension that serves prediction jobs.</summary>
public static class PredictionHostingExtensions
{
    /// <summary>
    /// Reads <c>actors.prediction</c> (validated: a bad value fails start-up with exit code 78 and file:line), adds the
    /// <c>prediction</c> unit kind (one instance per model, so each model has its own backoff, breaker and health) and
    /// the routes <c>POST /predict</c>, <c>GET /predict/{job}/heatmap.png</c> and <c>GET /predict/jobs</c> on the admin endpoints, and the <c>predict</c> palette of <c>pbm</c> (<c>submit -f &lt;path&gt;</c>, <c>jobs</c>) when the command server runs.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Changes the options after they are read.</param>
    /// <returns>The builder.</returns>
    public static AkkaConfigurationBuilder WithPrediction(this AkkaConfigurationBuilder builder, Action<PredictionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PredictionRuntime? runtime = null;
        builder.WithResilience((_, config) =>
        {
            PredictionOptions options = PredictionOptions.FromConfig(config);
            configure?.Invoke(options);
            runtime = new PredictionRuntime(options);
        });
        builder.WithUnitKind(PredictionOperations.Kind, id => runtime!.WorkerProps(id));
        builder.WithActors((system, _) => runtime!.Attach(system));
        builder.WithCmdPalette(PredictionPalette.Create);
        builder.WithAdminRoutes(new AdminRouteSet("POST /predict; GET /predict/{job}/heatmap.png; GET /predict/jobs", MapRoutes));
        return builder;
    }

    private static void MapRoutes(IEndpointRouteBuilder app, ActorSystem system)
    {
        app.MapPost("/predict", (HttpRequest request, CancellationToken ct) => Submit(request, system, ct)).DisableAntiforgery();
        app.MapGet("/predict/{job}/heatmap.png", (string job) => Heatmap(job, system));
        app.MapGet("/predict/jobs", (int? limit) => Jobs(limit, system));
    }

    private static PredictionOperations Operations(ActorSystem system) =>
        new(ResilienceRuntime.Get(system) ?? throw new InvalidOperationException("the resilience layer is not running"),
            PredictionRuntime.Get(system) ?? throw new InvalidOperationException("WithPrediction did not run"));

    private static async Task<IResult> Submit(HttpRequest request, ActorSystem system, CancellationToken ct)
    {
        PredictionOperations operations = Operations(system);
        long max = PredictionRuntime.Get(system)!.Options.MaxUploadBytes;
        if (!request.HasFormContentType)
        {
            return Problem(415, "Unsupported media type", "POST /predict takes multipart/form-data with the image in the field 'image' (curl -F image=@photo.jpg).");
        }

        if (request.ContentLength > max + (64 * 1024))
        {
            return Problem(413, "Upload too large", $"The upload has {request.ContentLength} bytes, more than the limit of {max} (actors.prediction.max-upload-bytes).");
        }

        PredictionRuntime runtime = PredictionRuntime.Get(system)!;
        if (!runtime.UploadSlots.Wait(0, CancellationToken.None))
        {
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(runtime.Options.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(503, "Overloaded", $"{runtime.Options.MaxConcurrentJobs + runtime.Options.QueueCapacity} uploads are being served already (actors.prediction.max-concurrent-jobs + queue-capacity): retry after {runtime.Options.RetryAfter.TotalSeconds:0.#} s.");
        }

        try
        {
            return await Admitted(request, operations, max, ct).ConfigureAwait(false);
        }
        finally
        {
            runtime.UploadSlots.Release();
        }
    }

    private static async Task<IResult> Admitted(HttpRequest request, PredictionOperations operations, long max, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problem(400, "Bad multipart body", $"The multipart body cannot be read: {e.Message}");
        }

        IFormFile? file = form.Files.GetFile("image");
        if (file is null)
        {
            return Problem(400, "No image", "The multipart field 'image' is missing (curl -F image=@photo.jpg).");
        }

        if (file.Length > max)
        {
            return Problem(413, "Upload too large", $"The image has {file.Length} bytes, more than the limit of {max} (actors.prediction.max-upload-bytes).");
        }

        string? name = file.FileName;
        if (name is not null && (name.Contains("..", StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)))
        {
            return Problem(400, "Bad file name", "The file name must be a plain name (no '/', '\\', '..' or NUL): it is shown, never used as a path.");
        }

        byte[] bytes = new byte[file.Length];
        await using (Stream stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
        }

        string? model = form.TryGetValue("model", out var m) ? m.ToString() : null;
        long? heatmapBudget = null;
        if (form.TryGetValue("heatmap_budget", out var budgetText) && !string.IsNullOrEmpty(budgetText.ToString()))
        {
            if (!ByteSize.TryParse(budgetText.ToString(), out long parsed) || parsed < 1)
            {
                return Problem(400, "Bad heatmap_budget", $"heatmap_budget '{budgetText}' is not a size: use bytes (65536) or a size with a unit (64KB, 2MB); it only lowers the configured budget.");
            }

            heatmapBudget = parsed;
        }

        PredictionOutcome outcome = await operations.SubmitAsync(bytes, name, string.IsNullOrEmpty(model) ? null : model, heatmapBudget, ct).ConfigureAwait(false);
        if (outcome.Reply is Jobs.PredictionSucceeded s)
        {
            return Results.Ok(new
            {
                job = s.JobId,
                model = s.Model,
                file_name = PredictionOperations.SanitizeFileName(name),
                label = s.Label,
                scores = s.Scores.ToDictionary(x => x.Label, x => x.Score),
                width = s.Width,
                height = s.Height,
                working_width = s.WorkingWidth,
                working_height = s.WorkingHeight,
                memory_bytes = s.MemoryBytes,
                timings_ms = s.Timings,
                heatmap_url = s.HeatmapAvailable ? $"/predict/{s.JobId}/heatmap.png" : null,
                heatmap_error = s.HeatmapError,
            });
        }

        if (outcome.RetryAfter is { } retry)
        {
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Problem(outcome.Status, outcome.Title ?? "Prediction failed", outcome.Reply.ToString() ?? string.Empty);
    }

    private static IResult Heatmap(string job, ActorSystem system)
    {
        Jobs.PredictionJobRecord? record = PredictionRuntime.Get(system)?.Store.Get(job);
        if (record is null)
        {
            return Problem(404, "Not found", $"No recent job '{job}' (the last {PredictionRuntime.Get(system)?.Options.RecentJobs} jobs are kept).");
        }

        return record.Heatmap is { } png
            ? Results.File(png, "image/png")
            : Problem(404, "No heatmap", $"Job '{job}' has no heatmap: {record.Detail ?? record.Outcome}.");
    }

    private static IResult Jobs(int? limit, ActorSystem system)
    {
        PredictionRuntime runtime = PredictionRuntime.Get(system)!;
        int take = limit ?? 50;
        if (take < 1 || take > runtime.Options.RecentJobs)
        {
            return Problem(400, "Bad request", $"limit must be between 1 and {runtime.Options.RecentJobs}.");
        }

        var jobs = runtime.Store.Recent(take);
        return Results.Ok(new
        {
            total = runtime.Store.Total,
            held = runtime.Store.Count,
            limit = take,
            jobs = jobs.Select(j => new { job = j.JobId, j.Model, at = j.At, j.Outcome, j.Label, j.Detail, timings_ms = j.Timings, memory_bytes = j.MemoryBytes, heatmap = j.Heatmap is not null }),
        });
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}");
}
