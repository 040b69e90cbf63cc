using FsCheck.Xunit;

namespace Actors.Tests.Dispatch;

/// <summary>The mailbox's multi-producer, single-consumer <see cref="EnvelopeQueue"/>.</summary>
public sealed class EnvelopeQueueTests
{
    private sealed record Item(int Producer, int Seq);

    private static Envelope Env(object message) => new(message, null);

    [Fact]
    public void SingleThread_FifoAcrossSegmentGrowth()
    {
        var queue = new EnvelopeQueue();
        const int n = 5 * EnvelopeQueue.MaxSegmentLength;
        for (int i = 0; i < n; i++)
        {
            Assert.True(queue.TryEnqueue(Env(i)));
        }

        Assert.Equal(n, queue.Count);
        Assert.False(queue.IsEmpty);
        for (int i = 0; i < n; i++)
        {
            Assert.True(queue.TryDequeue(out Envelope e));
            Assert.Equal(i, e.Message);
        }

        Assert.False(queue.TryDequeue(out _));
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void SingleThread_InterleavedAcrossSegments_KeepsOrder()
    {
        var queue = new EnvelopeQueue();
        int next = 0;
        int expected = 0;
        for (int round = 1; round < 200; round++)
        {
            // Enqueue more than dequeued each round, so the ring wraps and segments keep growing.
            for (int i = 0; i < round; i++)
            {
                Assert.True(queue.TryEnqueue(Env(next++)));
            }

            for (int i = 0; i < round / 2; i++)
            {
                Assert.True(queue.TryDequeue(out Envelope e));
                Assert.Equal(expected++, e.Message);
            }
        }

        while (queue.TryDequeue(out Envelope e))
        {
            Assert.Equal(expected++, e.Message);
        }

        Assert.Equal(next, expected);
    }

    [Fact]
    public void Close_RefusesLaterEnqueues_DrainReturnsEverythingAccepted()
    {
        var queue = new EnvelopeQueue();
        for (int i = 0; i < 20; i++)
        {
            queue.TryEnqueue(Env(i));
        }

        Assert.True(queue.TryDequeue(out Envelope first));
        Assert.Equal(0, first.Message);
        queue.Close();
        Assert.True(queue.IsClosed);
        Assert.False(queue.TryEnqueue(Env(99)));
        var rest = new List<Envelope>();
        queue.DrainClosed(rest);
        Assert.Equal(Enumerable.Range(1, 19).Cast<object>(), rest.Select(e => e.Message));
        Assert.False(queue.TryEnqueue(Env(100)));
        Assert.False(EnvelopeQueue.ClosedEmpty.TryEnqueue(Env(1)));
    }

    [Fact]
    public void ManyProducers_OneConsumer_EveryItemOnceInProducerOrder()
    {
        const int producers = 4;
        const int perProducer = 100_000;
        var queue = new EnvelopeQueue();
        using var start = new ManualResetEventSlim();
        int refused = 0;
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            start.Wait();
            for (int i = 0; i < perProducer; i++)
            {
                if (!queue.TryEnqueue(Env(new Item(p, i))))
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }) { IsBackground = true }).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }

        start.Set();
        var nextSeq = new int[producers];
        int received = 0;
        var spinner = default(SpinWait);
        while (received < producers * perProducer)
        {
            if (queue.TryDequeue(out Envelope e))
            {
                var item = (Item)e.Message;
                Assert.Equal(nextSeq[item.Producer], item.Seq);
                nextSeq[item.Producer]++;
                received++;
                spinner = default;
            }
            else
            {
                spinner.SpinOnce();
            }
        }

        foreach (Thread t in threads)
        {
            Assert.True(t.Join(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal(0, Volatile.Read(ref refused));
        Assert.All(nextSeq, n => Assert.Equal(perProducer, n));
        Assert.False(queue.TryDequeue(out _));
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void ManyProducers_CloseMidway_AcceptedEqualsConsumedPlusDrained()
    {
        const int producers = 4;
        const int perProducer = 50_000;
        var queue = new EnvelopeQueue();
        using var start = new ManualResetEventSlim();
        var accepted = new int[producers];
        int acceptedAfterRefusal = 0;
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            start.Wait();
            for (int i = 0; i < perProducer; i++)
            {
                if (queue.TryEnqueue(Env(new Item(p, i))))
                {
                    if (accepted[p] != i)
                    {
                        Interlocked.Increment(ref acceptedAfterRefusal); // once refused, always refused
                    }

                    accepted[p]++;
                }
            }
        }) { IsBackground = true }).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }

        start.Set();
        var nextSeq = new int[producers];
        void Take(Envelope e)
        {
            var item = (Item)e.Message;
            Assert.Equal(nextSeq[item.Producer], item.Seq);
            nextSeq[item.Producer]++;
        }

        int consumed = 0;
        while (consumed < producers * perProducer / 4)
        {
            if (queue.TryDequeue(out Envelope e))
            {
                Take(e);
                consumed++;
            }
            else
            {
                Thread.Yield();
            }
        }

        queue.Close();
        var rest = new List<Envelope>();
        queue.DrainClosed(rest);
        foreach (Envelope e in rest)
        {
            Take(e);
        }

        foreach (Thread t in threads)
        {
            Assert.True(t.Join(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal(0, Volatile.Read(ref acceptedAfterRefusal));
        Assert.Equal(accepted, nextSeq);
        Assert.False(queue.TryDequeue(out _));
    }

    /// <summary>
    /// Any interleaving of enqueues (positive numbers), dequeues (zero or negative) and, optionally, a final close and
    /// drain behaves like <see cref="Queue{T}"/>, including <see cref="EnvelopeQueue.Count"/> and
    /// <see cref="EnvelopeQueue.IsEmpty"/>.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool MatchesQueueModel(int[] ops, bool closeAtEnd)
    {
        var queue = new EnvelopeQueue();
        var model = new Queue<int>();
        foreach (int op in ops)
        {
            // Repeat each op a few times so the queue often outgrows its segments.
            for (int r = 0; r < (((op % 7) + 7) % 7) + 1; r++)
            {
                if (op > 0)
                {
                    if (!queue.TryEnqueue(Env(op)))
                    {
                        return false;
                    }

                    model.Enqueue(op);
                }
                else
                {
                    bool got = queue.TryDequeue(out Envelope e);
                    if (got != model.TryDequeue(out int expected) || (got && !Equals(e.Message, expected)))
                    {
                        return false;
                    }
                }

                if (queue.Count != model.Count || queue.IsEmpty != (model.Count == 0))
                {
                    return false;
                }
            }
        }

        if (closeAtEnd)
        {
            queue.Close();
            if (queue.TryEnqueue(Env(1)))
            {
                return false;
            }

            var rest = new List<Envelope>();
            queue.DrainClosed(rest);
            return rest.Select(e => (int)e.Message).SequenceEqual(model);
        }

        return queue.Count == model.Count;
    }
}
