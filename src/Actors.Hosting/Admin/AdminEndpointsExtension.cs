namespace Actors.Hosting.Admin;

/// <summary>Keeps the <see cref="AdminEndpoints"/> of an actor system as an Akka extension, so <see cref="AdminEndpoints.Get"/> finds them from anywhere.</summary>
internal sealed class AdminEndpointsExtension : IExtension
{
    private AdminEndpoints? _endpoints;

    public AdminEndpoints? Endpoints => Volatile.Read(ref _endpoints);

    /// <summary>Records <paramref name="endpoints"/>; false when the system already has some.</summary>
    public bool TrySet(AdminEndpoints endpoints) => Interlocked.CompareExchange(ref _endpoints, endpoints, null) is null;
}
