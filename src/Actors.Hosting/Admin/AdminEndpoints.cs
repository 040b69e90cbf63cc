namespace Actors.Hosting.Admin;

/// <summary>
/// The admin HTTP endpoints of an actor system (see <see cref="AdminHostingExtensions.WithAdminEndpoints"/>): where
/// they listen, once they do. Safe from any thread.
/// </summary>
public sealed class AdminEndpoints
{
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal AdminEndpoints(AdminEndpointOptions options) => Options = options;

    /// <summary>The bound URL (for example <c>http://127.0.0.1:8080/</c>), or <see langword="null"/> until the endpoints listen.</summary>
    public Uri? Url => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : null;

    /// <summary>
    /// Completes with the bound URL when the endpoints listen (before the host's start-up completes); faults with
    /// <see cref="AdminEndpointsException"/> when they cannot, and is cancelled when they are disabled
    /// (<c>actors.admin.enabled = off</c>).
    /// </summary>
    public Task<Uri> WhenListening => _listening.Task;

    /// <summary>The options in force.</summary>
    public AdminEndpointOptions Options { get; }

    /// <summary>The admin endpoints of <paramref name="system"/>, or <see langword="null"/> when <c>WithAdminEndpoints</c> was not called (or the system has not started them yet).</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The endpoints, or <see langword="null"/>.</returns>
    public static AdminEndpoints? Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<AdminEndpointsExtension>(typeof(AdminEndpointsExtensionId)).Endpoints;
    }

    internal void Listening(Uri url) => _listening.TrySetResult(url);

    internal void Failed(Exception e) => _listening.TrySetException(e);

    internal void NotStarted() => _listening.TrySetCanceled();
}
