using System.Globalization;

namespace Actors.Sessions.Configuration;

/// <summary>Settings of the session gateway (<c>actors.sessions</c>; every default is in the shipped reference.conf).</summary>
public sealed class SessionOptions
{
    /// <summary>The upstream's WebSocket address; <see langword="null"/> means the local sample upstream.</summary>
    /// <value>Default <see langword="null"/> (<c>upstream = ""</c>).</value>
    public Uri? Upstream { get; set; }

    /// <summary>How often the worker pings; a ping unanswered at the next one is a failure.</summary>
    /// <value>Default 2 minutes.</value>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a connection may take to reach <c>ready</c> or show a QR code.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a delivered message may wait for its acknowledgement before the worker crashes.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an operation waits for an actor's answer.</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The outbox store.</summary>
    /// <value>Default <see cref="SessionStore.Sqlite"/>.</value>
    public SessionStore Store { get; set; } = SessionStore.Sqlite;

    /// <summary>The SQLite file's folder.</summary>
    /// <value>Default <c>./data</c>.</value>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The SQLite file's name.</summary>
    /// <value>Default <c>sessions.db</c>.</value>
    public string FileName { get; set; } = "sessions.db";

    /// <summary>The connection string (required for PostgreSQL; replaces the file for SQLite when set).</summary>
    /// <value>Default empty.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Unacknowledged messages kept per instance; one more is answered "queue full".</summary>
    /// <value>Default 10,000.</value>
    public int OutboxCapacity { get; set; } = 10_000;

    /// <summary>Messages handed to the worker ahead of their acknowledgements.</summary>
    /// <value>Default 64.</value>
    public int MaxInFlight { get; set; } = 64;

    /// <summary>A snapshot every this many events.</summary>
    /// <value>Default 500.</value>
    public int SnapshotEvery { get; set; } = 500;

    /// <summary>The connection string the journal uses: <see cref="ConnectionString"/>, or the SQLite file's.</summary>
    /// <returns>The connection string.</returns>
    public string EffectiveConnectionString() =>
        ConnectionString.Length > 0 ? ConnectionString : $"Data Source={Path.GetFullPath(Path.Combine(DataDirectory, FileName))}";

    /// <summary>The linq2db provider name of <see cref="Store"/>.</summary>
    /// <returns><c>SQLite.MS</c> or <c>PostgreSQL.15</c>.</returns>
    public string ProviderName() => Store == SessionStore.Sqlite ? "SQLite.MS" : "PostgreSQL.15";

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the parameter names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingInterval, TimeSpan.Zero, nameof(PingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AckTimeout, TimeSpan.Zero, nameof(AckTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AskTimeout, TimeSpan.Zero, nameof(AskTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(OutboxCapacity, 1, nameof(OutboxCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1, nameof(MaxInFlight));
        ArgumentOutOfRangeException.ThrowIfLessThan(SnapshotEvery, 1, nameof(SnapshotEvery));
        if (Upstream is { } u && u.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The upstream must be a ws:// or wss:// address, not [{u}]."), nameof(Upstream));
        }

        if (Store == SessionStore.PostgreSql && ConnectionString.Length == 0)
        {
            throw new ArgumentException("store = postgresql needs a connection string (ACTORS__SESSIONS__OUTBOX__CONNECTION_STRING).", nameof(ConnectionString));
        }

        if (Store == SessionStore.Sqlite && ConnectionString.Length == 0 && (DataDirectory.Length == 0 || FileName.Length == 0))
        {
            throw new ArgumentException("store = sqlite needs a data directory and a file name.", nameof(DataDirectory));
        }
    }
}
