using Actors.Prediction.Configuration;
using Actors.Prediction.Jobs;

namespace Actors.Prediction.Hosting;

/// <summary>What one actor system's prediction workload shares: its options and its recent jobs.</summary>
public sealed class PredictionRuntime
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ActorSystem, PredictionRuntime> s_runtimes = new();

    /// <summary>Creates the runtime.</summary>
    /// <param name="options">The options.</param>
    public PredictionRuntime(PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Store = new PredictionJobStore(options.RecentJobs);
        UploadSlots = new SemaphoreSlim(options.MaxConcurrentJobs + options.QueueCapacity);
    }

    /// <summary>
    /// Uploads held in memory at once by <c>POST /predict</c> (<c>max-concurrent-jobs + queue-capacity</c>): one more is
    /// refused at once with 503 and Retry-After, before its body is read into memory, so a burst cannot grow the process.
    /// </summary>
    public SemaphoreSlim UploadSlots { get; }

    /// <summary>The options.</summary>
    public PredictionOptions Options { get; }

    /// <summary>The recent jobs.</summary>
    public PredictionJobStore Store { get; }

    /// <summary>The props of the worker of model <paramref name="model"/> (a <c>prediction</c> unit instance).</summary>
    /// <param name="model">The model's name.</param>
    /// <returns>The props.</returns>
    /// <exception cref="ArgumentException">No such model is configured.</exception>
    public Props WorkerProps(string model)
    {
        ModelOptions options = Options.Models.TryGetValue(model, out ModelOptions? m)
            ? m
            : throw new ArgumentException($"No model '{model}' in actors.prediction.models (configured: {string.Join(", ", Options.Models.Keys)}).", nameof(model));
        return Props.Create(() => new ModelActor(Options, options, Store));
    }

    /// <summary>Attaches this runtime to <paramref name="system"/>, for <see cref="Get"/>.</summary>
    /// <param name="system">The actor system.</param>
    public void Attach(ActorSystem system) => s_runtimes.AddOrUpdate(system, this);

    /// <summary>The runtime attached to <paramref name="system"/>, if any.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The runtime, or <see langword="null"/>.</returns>
    public static PredictionRuntime? Get(ActorSystem system) => s_runtimes.TryGetValue(system, out PredictionRuntime? r) ? r : null;
}
