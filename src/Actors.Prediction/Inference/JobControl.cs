using Microsoft.ML.OnnxRuntime;

namespace Actors.Prediction.Inference;

/// <summary>
/// The cancel switch of one job's runs, shared by the model actor (which times the job out) and the job and heatmap
/// actors (which run): <see cref="Cancel"/> makes a run in progress stop with an error. Owned and disposed by the job.
/// </summary>
internal sealed class JobControl : IDisposable
{
    private readonly Lock _lock = new();
    private bool _disposed;

    public RunOptions RunOptions { get; } = new();

    public RunOptions HeatmapRunOptions { get; } = new();

    public bool Cancelled { get; private set; }

    public void Cancel()
    {
        lock (_lock)
        {
            Cancelled = true;
            if (!_disposed)
            {
                RunOptions.Terminate = true;
                HeatmapRunOptions.Terminate = true;
            }
        }
    }

    public void CancelHeatmap()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                HeatmapRunOptions.Terminate = true;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            RunOptions.Dispose();
            HeatmapRunOptions.Dispose();
        }
    }
}
