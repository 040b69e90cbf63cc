using Actors.Sessions.Configuration;
using Actors.Sessions.Metrics;
using Akka.Persistence;

namespace Actors.Sessions.Outbox;

/// <summary>
/// The durable outbox of one instance: accepts messages (persisted before the reply), hands them in order to the
/// attached worker, and persists "delivered" on the upstream's acknowledgement. Recovers from its snapshot and
/// journal after a crash or a process kill, and hands everything not acknowledged to the next worker (the upstream
/// deduplicates by key, so a redelivery has no effect).
/// </summary>
/// <remarks>Only this actor's own turn touches its state. Writes use <c>PersistAsync</c> so acceptances batch in the
/// journal; <see cref="_persisting"/> counts the acceptances written but not yet applied, so the bound holds.</remarks>
internal sealed class SessionOutbox : ReceivePersistentActor
{
    private readonly string _instanceId;
    private readonly SessionOptions _options;
    private readonly Action<string> _wake;
    private readonly LinkedList<MessageAccepted> _pending = new();
    private readonly Dictionary<string, LinkedListNode<MessageAccepted>> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _persistingKeys = new(StringComparer.Ordinal);
    private long _nextSequence = 1;
    private long _acceptedTotal;
    private long _deliveredTotal;
    private int _persisting;
    private int _sinceSnapshot;
    private IActorRef? _worker;
    private LinkedListNode<MessageAccepted>? _nextToHand;
    private int _inFlight;
    private bool _wakeSent;
    private readonly SessionMetrics _metrics = SessionMetrics.For(Context.System);
    private int _depthReported;

    public SessionOutbox(string instanceId, SessionOptions options, Action<string> wake)
    {
        _instanceId = instanceId;
        _options = options;
        _wake = wake;
        PersistenceId = "session-outbox-" + instanceId;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is OutboxSnapshot s)
            {
                _nextSequence = s.NextSequence;
                _acceptedTotal = s.AcceptedTotal;
                _deliveredTotal = s.DeliveredTotal;
                _pending.Clear();
                _byKey.Clear();
                foreach (MessageAccepted m in s.Pending)
                {
                    _byKey[m.Key] = _pending.AddLast(m);
                }
            }
        });
        Recover<MessageAccepted>(Apply);
        Recover<MessageDelivered>(Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            if (_pending.Count > 0)
            {
                // Messages left from before a crash or a kill: start the session so they drain.
                _wake(_instanceId);
            }
        });

        Command<Enqueue>(OnEnqueue);
        Command<AttachWorker>(a => Attach(a.Worker));
        Command<Acknowledged>(OnAcknowledged);
        Command<Terminated>(t =>
        {
            if (t.ActorRef.Equals(_worker))
            {
                Detach();
            }
        });
        Command<StartOutbox>(_ => { });

        // A Deliver that crashed its worker is answered by the unit; the message stays pending and is handed again.
        Command<Actors.Resilience.Units.UnitWorkerFailed>(_ => { });
        Command<GetQueueStatus>(_ => Sender.Tell(Status()));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    public static Props Props(string instanceId, SessionOptions options, Action<string> wake) =>
        Akka.Actor.Props.Create(() => new SessionOutbox(instanceId, options, wake));

    /// <summary>
    /// After every message (commands, persistence callbacks, recovery) adds the change of this outbox's depth to the
    /// system's <c>actors.session.outbox.depth</c>: one comparison per message, whichever handler changed it.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        bool handled = base.AroundReceive(receive, message);
        int depth = _pending.Count + _persisting;
        if (depth != _depthReported)
        {
            _metrics.AddDepth(depth - _depthReported);
            _depthReported = depth;
        }

        return handled;
    }

    protected override void PreStart()
    {
        _metrics.OutboxStarted();
        base.PreStart();
    }

    protected override void PostStop()
    {
        _metrics.OutboxStopped();

        // What is pending stays in the journal, not in this actor: it is counted again when an outbox recovers it.
        _metrics.AddDepth(-_depthReported);
        _depthReported = 0;
        base.PostStop();
    }

    private void OnEnqueue(Enqueue e)
    {
        string key = string.IsNullOrEmpty(e.Key) ? Guid.NewGuid().ToString("N") : e.Key;
        if (_byKey.ContainsKey(key) || _persistingKeys.Contains(key))
        {
            Sender.Tell(new SendAccepted(_instanceId, key, _byKey.TryGetValue(key, out var node) ? node.Value.Sequence : 0, _pending.Count + _persisting, Duplicate: true));
            return;
        }

        if (_pending.Count + _persisting >= _options.OutboxCapacity)
        {
            Sender.Tell(new QueueFull(_instanceId, _options.OutboxCapacity, _pending.Count + _persisting));
            return;
        }

        var accepted = new MessageAccepted(_nextSequence++, key, e.To, e.Text, Context.System.Scheduler.Now);
        _persisting++;
        _persistingKeys.Add(key);
        IActorRef sender = Sender;
        PersistAsync(accepted, m =>
        {
            _persisting--;
            _persistingKeys.Remove(m.Key);
            Apply(m);
            _metrics.Accepted();
            sender.Tell(new SendAccepted(_instanceId, m.Key, m.Sequence, _pending.Count + _persisting, Duplicate: false));
            if (_worker is null)
            {
                if (!_wakeSent)
                {
                    // One wake per detached period: the unit buffers it while its worker backs off.
                    _wakeSent = true;
                    _wake(_instanceId);
                }
            }
            else
            {
                HandOut();
            }

            MaybeSnapshot();
        });
    }

    private void OnAcknowledged(Acknowledged ack)
    {
        if (!_byKey.TryGetValue(ack.Key, out LinkedListNode<MessageAccepted>? node))
        {
            return; // already delivered (a redelivery's second acknowledgement)
        }

        PersistAsync(new MessageDelivered(node.Value.Sequence, ack.Key, ack.ServerId), d =>
        {
            if (_byKey.TryGetValue(ack.Key, out LinkedListNode<MessageAccepted>? n) && n.Value.Sequence == d.Sequence)
            {
                bool wasHanded = _worker is not null && IsHanded(n);
                Apply(d);
                _metrics.Delivered();
                if (wasHanded && _inFlight > 0)
                {
                    _inFlight--;
                }

                HandOut();
            }

            MaybeSnapshot();
        });
    }

    // Handed messages are the prefix of the list before _nextToHand (the list is in sequence order).
    private bool IsHanded(LinkedListNode<MessageAccepted> node) => _nextToHand is null || node.Value.Sequence < _nextToHand.Value.Sequence;

    private void Attach(IActorRef worker)
    {
        if (_worker is not null && !_worker.Equals(worker))
        {
            Context.Unwatch(_worker);
        }

        _worker = worker;
        Context.Watch(worker);
        _nextToHand = _pending.First;
        _inFlight = 0;
        HandOut();
    }

    private void Detach()
    {
        _worker = null;
        _nextToHand = null;
        _inFlight = 0;
        _wakeSent = false;
    }

    private void HandOut()
    {
        if (_worker is null)
        {
            return;
        }

        while (_nextToHand is not null && _inFlight < _options.MaxInFlight)
        {
            MessageAccepted m = _nextToHand.Value;
            _worker.Tell(new Deliver(m.Sequence, m.Key, m.To, m.Text));
            _inFlight++;
            _nextToHand = _nextToHand.Next;
        }
    }

    private void Apply(MessageAccepted m)
    {
        LinkedListNode<MessageAccepted> node = _pending.AddLast(m);
        _byKey[m.Key] = node;
        _acceptedTotal++;
        _nextSequence = Math.Max(_nextSequence, m.Sequence + 1);
        if (_worker is not null && _nextToHand is null)
        {
            _nextToHand = node;
        }
    }

    private void Apply(MessageDelivered d)
    {
        if (_byKey.TryGetValue(d.Key, out LinkedListNode<MessageAccepted>? n) && n.Value.Sequence == d.Sequence)
        {
            if (ReferenceEquals(_nextToHand, n))
            {
                _nextToHand = n.Next;
            }

            _pending.Remove(n);
            _byKey.Remove(d.Key);
            _deliveredTotal++;
        }
    }

    private void MaybeSnapshot()
    {
        if (++_sinceSnapshot >= _options.SnapshotEvery)
        {
            _sinceSnapshot = 0;
            SaveSnapshot(new OutboxSnapshot(_nextSequence, _acceptedTotal, _deliveredTotal, [.. _pending]));
        }
    }

    private QueueStatus Status() => new(
        _instanceId,
        _pending.Count + _persisting,
        _inFlight,
        _acceptedTotal,
        _deliveredTotal,
        _options.OutboxCapacity,
        _pending.First?.Value.AcceptedAt,
        _worker is not null);
}
