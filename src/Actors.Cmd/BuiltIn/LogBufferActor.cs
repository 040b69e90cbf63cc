namespace Actors.Cmd.BuiltIn;

/// <summary>
/// <c>/system/cmd/log</c>: keeps the most recent log events in a ring and forwards new ones to tail subscribers.
/// Subscriber callbacks run on this actor's turn and must not block (they enqueue to a connection).
/// </summary>
internal sealed class LogBufferActor : ReceiveActor
{
    private readonly LogRecord[] _ring;
    private readonly Dictionary<Guid, Action<LogRecord>> _tails = [];
    private long _count;

    public LogBufferActor(int capacity)
    {
        _ring = new LogRecord[capacity];
        Receive<LogEvent>(e =>
        {
            LogRecord record = LogRecord.From(e);
            _ring[_count % _ring.Length] = record;
            _count++;
            foreach (Action<LogRecord> tail in _tails.Values)
            {
                tail(record);
            }
        });
        Receive<Peek>(p => Sender.Tell(Snapshot(p.Count, p.MinLevel)));
        Receive<AddTail>(t =>
        {
            _tails[t.Id] = t.Callback;
            Sender.Tell(Akka.Done.Instance);
        });
        Receive<RemoveTail>(t => _tails.Remove(t.Id));
    }

    /// <summary>The most recent <paramref name="count"/> events at <paramref name="minLevel"/> or above, oldest first, and how many the ring holds at that level.</summary>
    private PeekResult Snapshot(int count, LogLevel minLevel)
    {
        var result = new List<LogRecord>();
        int matching = 0;
        long available = Math.Min(_count, _ring.Length);
        for (long i = _count - 1; i >= _count - available; i--)
        {
            LogRecord r = _ring[i % _ring.Length];
            if (LogRecord.TryParseLevel(r.Level, out LogLevel level) && level >= minLevel)
            {
                matching++;
                if (result.Count < count)
                {
                    result.Add(r);
                }
            }
        }

        result.Reverse();
        return new PeekResult(result.ToArray(), matching);
    }

    public sealed record Peek(int Count, LogLevel MinLevel);

    public sealed record PeekResult(LogRecord[] Records, int Matching);

    public sealed record AddTail(Guid Id, Action<LogRecord> Callback);

    public sealed record RemoveTail(Guid Id);
}
