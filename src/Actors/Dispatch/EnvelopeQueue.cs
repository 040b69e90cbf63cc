using System.Runtime.CompilerServices;

namespace Actors;

/// <summary>
/// An unbounded multi-producer, single-consumer FIFO queue of envelopes: a chain of ring segments whose slots carry
/// sequence numbers (Vyukov's bounded queue, one segment per ring).
/// </summary>
/// <remarks>
/// <para>Producers (any thread) reserve a position with one compare-and-swap on the tail segment's tail and publish
/// the slot with a release write of its sequence number. The single consumer dequeues with no interlocked operation at
/// all: a plain head index, an acquire read of the slot's sequence, then a release write that hands the slot back to
/// producers. A queue that never holds more than a segment's worth of envelopes allocates nothing per message.</para>
/// <para>Positions are 32-bit and compared only by difference, so they may wrap. Slot sequence: <c>pos</c> = free for
/// the producer of <c>pos</c>; <c>pos + 1</c> = published, ready for the consumer at <c>pos</c>;
/// <c>pos + length</c> = consumed, free for the producer one lap later.</para>
/// <para>When a segment is full a producer takes the queue's lock, freezes the segment for enqueues (adds
/// <see cref="Segment.FreezeOffset"/> to its tail so every pending reservation fails), and links a segment twice as
/// big (up to <see cref="MaxSegmentLength"/>). Reservations in a frozen segment are therefore exactly the positions
/// below its frozen tail, and all of them precede, per producer, anything in the next segment: per-producer FIFO
/// holds. The consumer leaves a segment only when it is frozen and drained.</para>
/// <para>A producer that reserved but has not yet published stops <see cref="TryDequeue"/> at its slot (later
/// published slots wait behind it), but <see cref="IsEmpty"/> counts the reservation as a message, so the mailbox
/// reschedules itself instead of relying on that producer's wake-up alone (see <see cref="IsEmpty"/>).</para>
/// <para><see cref="Close"/> freezes the tail segment under the lock and refuses new segments, so once it returns
/// every later <see cref="TryEnqueue"/> fails, and the set of envelopes ever accepted is fixed;
/// <see cref="DrainClosed"/> (consumer only) then takes all of them, waiting for in-flight publications.</para>
/// </remarks>
internal sealed class EnvelopeQueue
{
    /// <summary>Length of the first segment: small, because most actors hold few messages at a time.</summary>
    internal const int InitialSegmentLength = 8;

    /// <summary>How often <see cref="TryDequeue"/> re-checks a reserved, unpublished slot before giving up.</summary>
    private const int MaxPublishSpins = 10;

    /// <summary>Segments stop doubling at this length.</summary>
    internal const int MaxSegmentLength = 1024;

    /// <summary>A queue that was closed before any envelope arrived: it refuses every enqueue.</summary>
    public static readonly EnvelopeQueue ClosedEmpty = CreateClosed();

    private Segment _head;
    private Segment _tail;
    private bool _closed;

    /// <summary>Creates a queue with its first (small) segment; callers create the queue itself lazily.</summary>
    public EnvelopeQueue()
    {
        _head = _tail = new Segment(InitialSegmentLength);
    }

    /// <summary>Whether <see cref="Close"/> has run. Any thread.</summary>
    public bool IsClosed => Volatile.Read(ref _closed);

    /// <summary>Approximate number of envelopes reserved or waiting. Any thread; exact only when quiescent.</summary>
    public int Count
    {
        get
        {
            long count = 0;
            for (Segment? s = Volatile.Read(ref _head); s is not null; s = Volatile.Read(ref s.Next))
            {
                int n = s.ReservedTail - Volatile.Read(ref s.Head);
                count += n > 0 ? n : 0;
            }

            return (int)Math.Min(count, int.MaxValue);
        }
    }

    /// <summary>
    /// True when nothing is reserved or published from the head on. Exact on the consumer thread, or on any thread
    /// while no consumer runs (the mailbox's scheduling protocol).
    /// </summary>
    /// <remarks>
    /// A reserved-but-unpublished slot counts as a message on purpose. The producer's publishing write is a plain
    /// release store followed by its read of the mailbox status, and x86 may let that read pass the store; so a
    /// consumer that clears the scheduled bit and then looks only at slot sequences could miss the message while the
    /// producer misses the cleared bit: a lost wake-up. The reservation, by contrast, is a CAS (a full fence) before
    /// the producer's status read, so either the producer sees the cleared bit or the consumer sees the reservation
    /// (and reschedules itself until the slot is published).
    /// </remarks>
    public bool IsEmpty
    {
        get
        {
            Segment s = Volatile.Read(ref _head);
            while (true)
            {
                if (s.ReservedTail - Volatile.Read(ref s.Head) != 0)
                {
                    return false;
                }

                Segment? next = Volatile.Read(ref s.Next);
                if (next is null)
                {
                    return true;
                }

                s = next;
            }
        }
    }

    /// <summary>Appends an envelope; false when the queue is closed (the caller dead-letters it). Any thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnqueue(in Envelope envelope)
    {
        Segment tail = Volatile.Read(ref _tail);
        return tail.TryEnqueue(envelope) || EnqueueSlow(envelope);
    }

    private bool EnqueueSlow(in Envelope envelope)
    {
        lock (this)
        {
            if (_closed)
            {
                return false;
            }

            Segment tail = _tail;
            if (tail.TryEnqueue(envelope))
            {
                return true;
            }

            // Full (a segment is frozen only under this lock, and the current tail only by Close): freeze it, so
            // nothing lands in it after anything lands in the next one, and link a bigger segment.
            tail.Freeze();
            var next = new Segment(Math.Min(tail.Slots.Length * 2, MaxSegmentLength));
            next.TryEnqueue(envelope); // a fresh segment has room
            Volatile.Write(ref tail.Next, next);
            Volatile.Write(ref _tail, next);
            return true;
        }
    }

    /// <summary>Takes the next published envelope. Consumer thread only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDequeue(out Envelope envelope)
    {
        return TryTakePublished(_head, out envelope) || TryDequeueSlow(out envelope);
    }

    /// <summary>Takes the head slot of <paramref name="s"/> if it is published, handing the slot back to producers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryTakePublished(Segment s, out Envelope envelope)
    {
        int head = s.Head;
        ref Slot slot = ref s.Slots[head & s.Mask];
        if (Volatile.Read(ref slot.Sequence) != head + 1)
        {
            envelope = default;
            return false;
        }

        envelope = slot.Item;
        slot.Item = default;
        Volatile.Write(ref slot.Sequence, head + s.Slots.Length);
        Volatile.Write(ref s.Head, head + 1);
        return true;
    }

    private bool TryDequeueSlow(out Envelope envelope)
    {
        int spins = 0;
        while (true)
        {
            Segment s = _head;
            if (TryTakePublished(s, out envelope))
            {
                return true;
            }

            int head = s.Head;
            if (s.ReservedTail - head != 0)
            {
                // Reserved but not yet published: the producer is a few instructions from publishing, and ending the
                // turn here would cost a trip through the thread pool, so wait briefly (never sleeping).
                if (spins++ < MaxPublishSpins)
                {
                    Thread.SpinWait(1 << Math.Min(spins, 6));
                    continue;
                }

                envelope = default;
                return false;
            }

            // Next is written after the freeze, so a non-null next means ReservedTail is final.
            Segment? next = Volatile.Read(ref s.Next);
            if (next is null)
            {
                envelope = default;
                return false;
            }

            Volatile.Write(ref _head, next);
        }
    }

    /// <summary>Refuses every later enqueue. Any thread; idempotent.</summary>
    public void Close()
    {
        lock (this)
        {
            _closed = true;
            _tail.Freeze();
        }
    }

    /// <summary>
    /// After <see cref="Close"/>: takes every envelope the queue accepted, waiting for producers that reserved a slot
    /// but have not yet published it. Consumer thread only.
    /// </summary>
    public void DrainClosed(List<Envelope> into)
    {
        if (!IsClosed)
        {
            throw new InvalidOperationException("Drain only a closed queue.");
        }

        while (true)
        {
            Segment s = _head;
            int end = s.ReservedTail;
            int head = s.Head;
            while (end - head > 0)
            {
                ref Slot slot = ref s.Slots[head & s.Mask];
                var spinner = default(SpinWait);
                while (Volatile.Read(ref slot.Sequence) != head + 1)
                {
                    spinner.SpinOnce();
                }

                into.Add(slot.Item);
                slot.Item = default;
                Volatile.Write(ref slot.Sequence, head + s.Slots.Length);
                head++;
                Volatile.Write(ref s.Head, head);
            }

            Segment? next = Volatile.Read(ref s.Next);
            if (next is null)
            {
                return;
            }

            Volatile.Write(ref _head, next);
        }
    }

    private static EnvelopeQueue CreateClosed()
    {
        var queue = new EnvelopeQueue();
        queue.Close();
        return queue;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 192)]
    private struct HeadAndTail
    {
        [System.Runtime.InteropServices.FieldOffset(64)]
        public int Head;

        [System.Runtime.InteropServices.FieldOffset(128)]
        public int Tail;
    }

    private struct Slot
    {
        public Envelope Item;
        public int Sequence;
    }

    private sealed class Segment
    {
        /// <summary>Added to the tail to freeze it: every reservation then sees a "full" slot and fails.</summary>
        public readonly int FreezeOffset;

        public readonly Slot[] Slots;
        public readonly int Mask;
        public Segment? Next;

        /// <summary>The consumer's head and the producers' tail, each on its own cache line.</summary>
        public HeadAndTail Positions;

        /// <summary>Next position to consume. Written by the consumer only.</summary>
        public ref int Head => ref Positions.Head;

        /// <summary>Next position to reserve (plus <see cref="FreezeOffset"/> once frozen). Producers, by CAS.</summary>
        public ref int Tail => ref Positions.Tail;

        private int _frozenTail;
        private bool _frozen;

        public Segment(int length)
        {
            Slots = new Slot[length];
            Mask = length - 1;
            FreezeOffset = length * 2;
            for (int i = 0; i < Slots.Length; i++)
            {
                Slots[i].Sequence = i;
            }
        }

        /// <summary>
        /// The end of the reserved positions. Final once <see cref="Next"/> is set or the queue is closed (both are
        /// published after the freeze); before that it is a snapshot.
        /// </summary>
        public int ReservedTail => Volatile.Read(ref _frozen) ? _frozenTail : Volatile.Read(ref Tail);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryEnqueue(in Envelope envelope)
        {
            Slot[] slots = Slots;
            while (true)
            {
                int tail = Volatile.Read(ref Tail);
                ref Slot slot = ref slots[tail & Mask];
                int diff = Volatile.Read(ref slot.Sequence) - tail;
                if (diff == 0)
                {
                    if (Interlocked.CompareExchange(ref Tail, tail + 1, tail) == tail)
                    {
                        slot.Item = envelope;
                        Volatile.Write(ref slot.Sequence, tail + 1);
                        return true;
                    }
                }
                else if (diff < 0)
                {
                    // Full, or frozen: the tail is then FreezeOffset ahead of every sequence.
                    return false;
                }
            }
        }

        /// <summary>Stops enqueues for good. Only under the queue's lock; idempotent.</summary>
        public void Freeze()
        {
            if (!_frozen)
            {
                _frozenTail = Interlocked.Add(ref Tail, FreezeOffset) - FreezeOffset;
                Volatile.Write(ref _frozen, true);
            }
        }
    }
}
