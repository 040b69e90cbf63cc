using System.Threading.Channels;

namespace Actors.Benchmarks.Dispatch;

/// <summary>
/// The raw .NET baseline for ping-pong: each pair is two tasks, each reading its own unbounded single-reader
/// channel (the idiomatic <c>WaitToReadAsync</c> + <c>TryRead</c> loop) and writing to the other's.
/// Same counting as <see cref="Pinger"/>: every send produces one reply, a round is 2 x budget messages.
/// </summary>
internal static class ChannelPingPong
{
    private static readonly UnboundedChannelOptions s_options = new() { SingleReader = true, SingleWriter = false };

    public static long Run(int pairs, int budgetPerPair, int inFlight)
    {
        var tasks = new Task[pairs * 2];
        for (int i = 0; i < pairs; i++)
        {
            Channel<object> toPinger = Channel.CreateUnbounded<object>(s_options);
            Channel<object> toPonger = Channel.CreateUnbounded<object>(s_options);
            tasks[2 * i] = Task.Run(() => PingerLoop(toPinger.Reader, toPonger.Writer, budgetPerPair, inFlight));
            tasks[(2 * i) + 1] = Task.Run(() => PongerLoop(toPonger.Reader, toPinger.Writer));
        }

        if (!Task.WaitAll(tasks, TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException("Channel ping-pong did not finish within 120 s.");
        }

        return 2L * budgetPerPair * pairs;
    }

    private static async Task PingerLoop(ChannelReader<object> inbox, ChannelWriter<object> ponger, int budget, int inFlight)
    {
        int received = 0;
        int sent = inFlight;
        for (int i = 0; i < inFlight; i++)
        {
            ponger.TryWrite(Ball.Instance);
        }

        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out object? ball))
            {
                if (++received == budget)
                {
                    ponger.Complete();
                    return;
                }

                if (sent < budget)
                {
                    sent++;
                    ponger.TryWrite(ball);
                }
            }
        }
    }

    private static async Task PongerLoop(ChannelReader<object> inbox, ChannelWriter<object> pinger)
    {
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out object? ball))
            {
                pinger.TryWrite(ball);
            }
        }
    }
}
