namespace Actors.Prediction.Jobs;

/// <summary>
/// The recent jobs of one actor system, newest last, bounded by <c>recent-jobs</c>. Written by model actors when
/// they answer, read by the HTTP routes and <c>pbm</c>; a lock guards it (writes are one per job, reads rare).
/// </summary>
public sealed class PredictionJobStore
{
    private readonly Lock _lock = new();
    private readonly LinkedList<PredictionJobRecord> _records = new();
    private readonly Dictionary<string, LinkedListNode<PredictionJobRecord>> _byId = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Creates a store keeping <paramref name="capacity"/> jobs.</summary>
    /// <param name="capacity">The most jobs kept.</param>
    public PredictionJobStore(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most jobs kept.</summary>
    public int Capacity { get; }

    /// <summary>Why each model last failed to load, by model name (removed when it loads): shown with a refusal while its breaker is open.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> LoadErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The job figures of each model reported into health, by model name (see <see cref="PredictionJobFigures"/>).</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, PredictionJobFigures> Figures { get; } = new(StringComparer.Ordinal);

    /// <summary>Jobs recorded since start (including those dropped from the store).</summary>
    public long Total
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>Jobs held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Records a job, dropping the oldest beyond capacity.</summary>
    /// <param name="record">The job.</param>
    public void Add(PredictionJobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            _total++;
            if (_byId.Remove(record.JobId, out LinkedListNode<PredictionJobRecord>? old))
            {
                _records.Remove(old);
            }

            _byId[record.JobId] = _records.AddLast(record);
            while (_records.Count > Capacity)
            {
                _byId.Remove(_records.First!.Value.JobId);
                _records.RemoveFirst();
            }
        }
    }

    /// <summary>The job with id <paramref name="jobId"/>, if still held.</summary>
    /// <param name="jobId">The job.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    public PredictionJobRecord? Get(string jobId)
    {
        lock (_lock)
        {
            return _byId.TryGetValue(jobId, out LinkedListNode<PredictionJobRecord>? node) ? node.Value : null;
        }
    }

    /// <summary>The newest <paramref name="limit"/> jobs, newest first.</summary>
    /// <param name="limit">The most to return.</param>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<PredictionJobRecord> Recent(int limit)
    {
        lock (_lock)
        {
            var result = new List<PredictionJobRecord>(Math.Min(limit, _records.Count));
            for (LinkedListNode<PredictionJobRecord>? n = _records.Last; n is not null && result.Count < limit; n = n.Previous)
            {
                result.Add(n.Value);
            }

            return result;
        }
    }

    /// <summary>Drops every heatmap PNG (the memory guard's cleanup); the records stay.</summary>
    /// <returns>The bytes released.</returns>
    public long DropHeatmaps()
    {
        long released = 0;
        lock (_lock)
        {
            for (LinkedListNode<PredictionJobRecord>? n = _records.First; n is not null; n = n.Next)
            {
                if (n.Value.Heatmap is { } png)
                {
                    released += png.Length;
                    n.Value = n.Value with { Heatmap = null, Detail = n.Value.Detail ?? "heatmap dropped by a memory cleanup" };
                }
            }
        }

        return released;
    }
}
