namespace Actors;

/// <summary>A cancellation handle to pass to the scheduler.</summary>
public sealed class Cancelable : ICancelable, IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <inheritdoc/>
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <inheritdoc/>
    public CancellationToken Token => _source.Token;

    /// <inheritdoc/>
    public void Cancel() => _source.Cancel();

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();
}
