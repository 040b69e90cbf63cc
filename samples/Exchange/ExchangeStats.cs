namespace Actors.Samples.Exchange;

/// <summary>What the exchange did, counted since it started. Thread-safe (Interlocked only).</summary>
public sealed class ExchangeStats
{
    internal long _accepted;
    internal long _refused;
    internal long _dropped;
    internal long _stalled;
    internal long _slowDisconnected;
    internal long _frames;
    internal long _garbage;
    internal long _skipped;
    internal long _pongs;
    internal int _open;

    /// <summary>WebSocket connections accepted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Connection attempts refused (fault or too many connections).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Connections aborted by a drop fault.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Connections that went silent by a stall fault.</summary>
    public long Stalled => Interlocked.Read(ref _stalled);

    /// <summary>Connections dropped because the consumer did not read in time.</summary>
    public long SlowDisconnected => Interlocked.Read(ref _slowDisconnected);

    /// <summary>Data frames sent.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Garbage frames sent.</summary>
    public long Garbage => Interlocked.Read(ref _garbage);

    /// <summary>Sequence numbers skipped.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Pings answered.</summary>
    public long Pongs => Interlocked.Read(ref _pongs);

    /// <summary>Connections open now.</summary>
    public int Open => Volatile.Read(ref _open);
}
