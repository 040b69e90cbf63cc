using Actors.Chaos.Faults;

namespace Actors.Samples.Node.Chaos;

/// <summary>
/// An exchange fault armed through the exchange's control endpoint (<c>POST /control/{fault}?count=N</c>): a stall
/// (every open stream goes silent; the feeds see them stale and resubscribe) or garbage (the next N frames are
/// unreadable; the feeds skip and count them). Both are used up by themselves (a stall is applied at once; garbage
/// with the next frames); a clear disarms what is still pending (<c>POST /control/clear</c>), only when this process
/// armed garbage since the last clear, so faults someone else armed (a test, the node's feed demo) are left alone.
/// </summary>
/// <param name="name">The fault's name.</param>
/// <param name="fault">The exchange's fault: <c>stall</c> or <c>garbage</c>.</param>
/// <param name="count">How many (frames for garbage; ignored by a stall).</param>
/// <param name="description">What it breaks and how that heals.</param>
internal sealed class ExchangeFault(string name, string fault, int count, string description) : IChaosFault
{
    private int _armed;

    public string Name => name;

    public string Description => description;

    public async ValueTask<ChaosInjection> InjectAsync(ChaosContext context)
    {
        if (ControlEndpoints.Exchange(context.System) is not { } exchange)
        {
            return ChaosInjection.Skipped("the feeds are not running");
        }

        if (fault != "stall")
        {
            Volatile.Write(ref _armed, 1); // before the call: a clear racing it disarms it too
        }

        using HttpResponseMessage response = await ControlEndpoints.Http.PostAsync(new Uri(exchange, $"control/{fault}?count={count}"), content: null, context.CancellationToken).ConfigureAwait(false);
        await ControlEndpoints.EnsureOkAsync(response, $"the exchange's POST /control/{fault}", context.CancellationToken).ConfigureAwait(false);
        return ChaosInjection.Done($"exchange {exchange.Authority}", fault == "stall" ? "every open stream stalls; the feeds resubscribe when they see it stale" : $"the next {count} frames are garbage; the feeds skip and count them");
    }

    public async ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1 && ControlEndpoints.Exchange(system) is { } exchange)
        {
            using HttpResponseMessage response = await ControlEndpoints.Http.PostAsync(new Uri(exchange, "control/clear"), content: null, cancellationToken).ConfigureAwait(false);
            await ControlEndpoints.EnsureOkAsync(response, "the exchange's POST /control/clear", cancellationToken).ConfigureAwait(false);
        }
    }
}
