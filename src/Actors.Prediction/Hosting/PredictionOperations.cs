using System.Globalization;
using System.Text;
using Actors.Prediction.Images;
using Actors.Prediction.Jobs;
using Actors.Resilience;
using Actors.Resilience.Memory;
using Actors.Resilience.Units;

namespace Actors.Prediction.Hosting;

/// <summary>The prediction operations: what <c>POST /predict</c>, <c>GET /predict/{job}/heatmap.png</c> and <c>pbm predict</c> call.</summary>
public sealed class PredictionOperations
{
    /// <summary>The unit kind of prediction jobs.</summary>
    public const string Kind = "prediction";

    private readonly ResilienceRuntime _resilience;
    private readonly PredictionRuntime _runtime;

    /// <summary>Creates the operations.</summary>
    /// <param name="resilience">The resilience layer the <c>prediction</c> kind runs on.</param>
    /// <param name="runtime">The prediction runtime.</param>
    public PredictionOperations(ResilienceRuntime resilience, PredictionRuntime runtime)
    {
        _resilience = resilience ?? throw new ArgumentNullException(nameof(resilience));
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
    }

    /// <summary>The recent jobs.</summary>
    public PredictionJobStore Store => _runtime.Store;

    /// <summary>A new job id.</summary>
    /// <returns>32 hex digits.</returns>
    public static string NewJobId() => Guid.NewGuid().ToString("N");

    /// <summary>Keeps letters, digits, dot, dash and underscore of a file name's last segment, at most 100 characters: for display, never a path.</summary>
    /// <param name="fileName">The name the client sent.</param>
    /// <returns>The sanitized name, or <see langword="null"/>.</returns>
    public static string? SanitizeFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        string last = fileName.Replace('\\', '/').Split('/')[^1];
        var sb = new StringBuilder(Math.Min(last.Length, 100));
        foreach (char c in last)
        {
            if (sb.Length == 100)
            {
                break;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && sb.Length > 0) ? c : '_');
        }

        string clean = sb.ToString().Trim('.');
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>Submits an image to a model and waits for its one outcome.</summary>
    /// <param name="image">The upload's bytes.</param>
    /// <param name="fileName">The client's file name (sanitized here).</param>
    /// <param name="model">The model, or <see langword="null"/> for the default one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    public Task<PredictionOutcome> SubmitAsync(byte[] image, string? fileName, string? model, CancellationToken cancellationToken) =>
        SubmitAsync(image, fileName, model, heatmapBudgetBytes: null, cancellationToken);

    /// <summary>Submits an image to a model with a cap on its heatmap's memory, and waits for its one outcome.</summary>
    /// <param name="image">The upload's bytes.</param>
    /// <param name="fileName">The client's file name (sanitized here).</param>
    /// <param name="model">The model, or <see langword="null"/> for the default one.</param>
    /// <param name="heatmapBudgetBytes">At most this many bytes for the heatmap (only lowers the configured budget); <see langword="null"/> for no cap.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    public async Task<PredictionOutcome> SubmitAsync(byte[] image, string? fileName, string? model, long? heatmapBudgetBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        model ??= _runtime.Options.DefaultModel;
        if (!_runtime.Options.Models.ContainsKey(model))
        {
            return new PredictionOutcome(404, "Unknown model", $"No model '{model}' (configured: {string.Join(", ", _runtime.Options.Models.Keys)}).");
        }

        var request = new PredictionRequest(NewJobId(), image, SanitizeFileName(fileName), heatmapBudgetBytes);
        object reply;
        try
        {
            reply = await _resilience.Units.Ask<object>(new UnitMessage(Kind, model, request), _runtime.Options.JobTimeout + TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return new PredictionOutcome(504, "Timed out", $"model '{model}' did not answer within its job timeout");
        }

        PredictionOutcome outcome = Map(reply);
        return reply is CircuitOpen or UnitWorkerFailed && Store.LoadErrors.TryGetValue(model, out string? loadError)
            ? outcome with { Reply = $"{outcome.Reply}. Last load error: {loadError}" }
            : outcome;
    }

    /// <summary>Maps a typed answer to its HTTP status.</summary>
    /// <param name="reply">The answer.</param>
    /// <returns>The outcome.</returns>
    public static PredictionOutcome Map(object reply) => reply switch
    {
        PredictionSucceeded s => new PredictionOutcome(200, null, s),
        PredictionFailed { Kind: PredictionFailureKind.InvalidImage } f => new PredictionOutcome(f.Rejection switch
        {
            ImageRejection.TooLarge or ImageRejection.TooManyPixels => 413,
            ImageRejection.UnsupportedType => 415,
            _ => 422,
        }, "Invalid image", f.Reason),
        PredictionFailed { Kind: PredictionFailureKind.TimedOut } f => new PredictionOutcome(504, "Prediction timed out", f.Reason),
        PredictionFailed f => new PredictionOutcome(f.Kind == PredictionFailureKind.ModelStopped ? 503 : 500, "Prediction failed", f.Reason),
        PredictionRefused r => new PredictionOutcome(503, "Overloaded", r.Reason, r.RetryAfter),
        CircuitOpen c => new PredictionOutcome(503, "Model unavailable", $"the breaker of model '{c.Id}' is open (its model failed to load or kept failing; see GET /units/prediction/{c.Id} and /admin/errors)", c.RetryAfter),
        Overloaded o => new PredictionOutcome(503, "Overloaded", o.Reason, o.RetryAfter),
        UnitBufferOverflow b => new PredictionOutcome(503, "Overloaded", $"model '{b.Id}' is restarting and its buffer is full", TimeSpan.FromSeconds(1)),
        UnitWorkerFailed w => new PredictionOutcome(503, "Model unavailable", $"model '{w.Id}' failed: {w.ExceptionType}: {w.Message}", TimeSpan.FromSeconds(1)),
        UnknownUnitKind => new PredictionOutcome(503, "Prediction not running", "the prediction unit kind is not registered (WithPrediction)"),
        _ => new PredictionOutcome(500, "Prediction failed", string.Create(CultureInfo.InvariantCulture, $"unexpected answer {reply.GetType().Name}")),
    };
}
