using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Hosting.Admin;

/// <summary>
/// The server-sent event streams end when the admin endpoints stop, not only when their client goes: a stream is
/// a request that never completes by itself, so without this an open dashboard would hold the node's shutdown
/// until Kestrel gives up on it. The stream then ends normally, as if it had no more events. It also sends the
/// response headers at once, so a client sees the stream open (an <c>EventSource</c> fires <c>open</c>) before the
/// first event, which for failures may be long in coming.
/// </summary>
internal static class AdminStreams
{
    public static async IAsyncEnumerable<T> UntilStopping<T>(HttpContext context, Func<CancellationToken, IAsyncEnumerable<T>> stream)
    {
        CancellationToken stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await using IAsyncEnumerator<T> events = stream(both.Token).GetAsyncEnumerator(both.Token);

        // Called by the result once it has set the stream's headers: send them now.
        await context.Response.StartAsync(both.Token).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(both.Token).ConfigureAwait(false);
        while (true)
        {
            bool more;
            try
            {
                more = await events.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            yield return events.Current;
        }
    }
}
