using Microsoft.Extensions.Hosting;

namespace Actors.Samples.Node;

/// <summary>
/// The node's host lifetime: it takes no signal. The generic host's console lifetime would stop the host on Ctrl+C
/// at once; the node catches Ctrl+C and SIGTERM itself, so it can stop its load, let every request in flight get its
/// outcome and print the summary before the host stops.
/// </summary>
internal sealed class NodeLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
