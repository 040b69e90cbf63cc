namespace Actors.Hosting.Admin;

/// <summary>
/// The running admin HTTP endpoints of the host (resolve it from DI): where they listen, once they do. Safe from any
/// thread.
/// </summary>
public sealed class AdminEndpoints
{
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal AdminEndpoints()
    {
    }

    /// <summary>The bound URL (for example <c>http://127.0.0.1:8080/</c>), or <see langword="null"/> until the endpoints listen.</summary>
    public Uri? Url => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : null;

    /// <summary>
    /// Completes with the bound URL when the endpoints listen (after every hosted service has started); faults with
    /// <see cref="AdminEndpointsException"/> or the start-up failure when they cannot, and is cancelled when they are
    /// disabled (<c>actors.admin.enabled = off</c>) or the actor system did not start.
    /// </summary>
    public Task<Uri> WhenListening => _listening.Task;

    /// <summary>The options in force, once read at start-up.</summary>
    public AdminEndpointOptions? Options { get; internal set; }

    internal void Listening(Uri url) => _listening.TrySetResult(url);

    internal void Failed(Exception e) => _listening.TrySetException(e);

    internal void NotStarted() => _listening.TrySetCanceled();
}
