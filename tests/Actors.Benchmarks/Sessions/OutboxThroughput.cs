using System.Diagnostics;
using System.Text.Json;
using Actors.Benchmarks.Support;
using Actors.Sessions.Configuration;
using Actors.Sessions.Outbox;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Actors.Benchmarks.Sessions;

/// <summary>
/// <c>outbox-throughput-sqlite</c> / <c>-postgres</c>: messages/s accepted and persisted through the outboxes (every
/// reply comes after its event is in the journal), 20 instances written concurrently, against raw inserts of rows of
/// the same size through Microsoft.Data.Sqlite / Npgsql in transactions of 100 rows (the same durability: each
/// transaction committed before the next). The PostgreSQL pair runs when ACTORS_TEST_POSTGRES holds a connection
/// string (.ci/run starts a private server and sets it).
/// </summary>
internal static class OutboxThroughput
{
    private const int Instances = 20;
    private const int Batch = 100;

    public static BenchResult RunSqlite(BenchSettings settings)
    {
        string dir = Path.Combine(Path.GetTempPath(), "actors-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new SessionOptions { Store = SessionStore.Sqlite, DataDirectory = dir, FileName = "outbox.db", OutboxCapacity = 1_000_000, SnapshotEvery = 100_000 };
        try
        {
            int n = Messages(settings);
            double ours = Outbox(options, n);
            double raw = RawSqlite(Path.Combine(dir, "raw.db"), n);
            return Result("outbox-throughput-sqlite", ours, raw, n, "raw Microsoft.Data.Sqlite inserts, 100 per transaction");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    public static BenchResult RunPostgres(BenchSettings settings)
    {
        string? connection = Environment.GetEnvironmentVariable("ACTORS_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connection))
        {
            return new BenchResult("outbox-throughput-postgres", "msg/s", 0, 0, "ratio >= 0.5", false, "not run: set ACTORS_TEST_POSTGRES to a PostgreSQL connection string (.ci/run does)");
        }

        var options = new SessionOptions { Store = SessionStore.PostgreSql, ConnectionString = connection, OutboxCapacity = 1_000_000, SnapshotEvery = 100_000 };
        int n = Messages(settings);
        double ours = Outbox(options, n);
        double raw = RawPostgres(connection, n);
        return Result("outbox-throughput-postgres", ours, raw, n, "raw Npgsql inserts, 100 per transaction");
    }

    private static int Messages(BenchSettings settings) => settings.Rounds < 7 ? 4_000 : 20_000;

    private static BenchResult Result(string name, double ours, double raw, int n, string baseline) =>
        new(name, "msg/s", ours, raw, "ratio >= 0.5", ours / raw >= 0.5, $"{baseline}; {n:N0} messages, {Instances} instances");

    private static double Outbox(SessionOptions options, int n)
    {
        ActorSystem system = ActorSystem.Create("outbox-bench", Akka.Configuration.ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.log-dead-letters = off").WithFallback(SessionPersistenceConfig.Build(options)));
        try
        {
            IActorRef outboxes = system.ActorOf(SessionOutboxes.Props(options, _ => { }), "session-outboxes");
            string run = Guid.NewGuid().ToString("N")[..6];

            // Warm-up: tables created, each outbox recovered.
            Task.WhenAll(Enumerable.Range(0, Instances).Select(i => outboxes.Ask<SendAccepted>(new OutboxEnvelope($"b{run}-{i}", new Enqueue("+1", "warm", null)), TimeSpan.FromSeconds(60)))).Wait();
            var clock = Stopwatch.StartNew();
            var tasks = new Task[n];
            for (int i = 0; i < n; i++)
            {
                tasks[i] = outboxes.Ask<SendAccepted>(new OutboxEnvelope($"b{run}-{i % Instances}", new Enqueue("+4915100000", Text(i), null)), TimeSpan.FromSeconds(120));
            }

            Task.WaitAll(tasks);
            return n / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static string Text(int i) => $"benchmark message number {i} with a typical short text";

    // The same row an outbox event becomes: persistence id, sequence number, a JSON payload of the same fields.
    private static byte[] Payload(int i) => JsonSerializer.SerializeToUtf8Bytes(new { Sequence = i, Key = Guid.NewGuid().ToString("N"), To = "+4915100000", Text = Text(i), AcceptedAt = DateTimeOffset.UnixEpoch });

    private static double RawSqlite(string file, int n)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using (SqliteCommand create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE rows (ordering INTEGER PRIMARY KEY AUTOINCREMENT, persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, payload BLOB NOT NULL, manifest TEXT, timestamp INTEGER NOT NULL, UNIQUE (persistence_id, sequence_nr))";
            create.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        for (int start = 0; start < n; start += Batch)
        {
            using SqliteTransaction tx = connection.BeginTransaction();
            using SqliteCommand insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO rows (persistence_id, sequence_nr, payload, manifest, timestamp) VALUES ($p, $s, $b, 'MessageAccepted', $t)";
            SqliteParameter p = insert.Parameters.Add("$p", SqliteType.Text);
            SqliteParameter s = insert.Parameters.Add("$s", SqliteType.Integer);
            SqliteParameter b = insert.Parameters.Add("$b", SqliteType.Blob);
            SqliteParameter t = insert.Parameters.Add("$t", SqliteType.Integer);
            for (int i = start; i < Math.Min(n, start + Batch); i++)
            {
                p.Value = $"raw-{i % Instances}";
                s.Value = i;
                b.Value = Payload(i);
                t.Value = i;
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return n / clock.Elapsed.TotalSeconds;
    }

    private static double RawPostgres(string connectionString, int n)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        string table = "raw_bench_" + Guid.NewGuid().ToString("N")[..8];
        using (var create = new NpgsqlCommand($"CREATE TABLE {table} (ordering BIGSERIAL PRIMARY KEY, persistence_id TEXT NOT NULL, sequence_nr BIGINT NOT NULL, payload BYTEA NOT NULL, manifest TEXT, created_at BIGINT NOT NULL, UNIQUE (persistence_id, sequence_nr))", connection))
        {
            create.ExecuteNonQuery();
        }

        try
        {
            var clock = Stopwatch.StartNew();
            for (int start = 0; start < n; start += Batch)
            {
                using NpgsqlTransaction tx = connection.BeginTransaction();
                using var batch = new NpgsqlBatch(connection, tx);
                for (int i = start; i < Math.Min(n, start + Batch); i++)
                {
                    var command = new NpgsqlBatchCommand($"INSERT INTO {table} (persistence_id, sequence_nr, payload, manifest, created_at) VALUES ($1, $2, $3, 'MessageAccepted', $4)");
                    command.Parameters.Add(new NpgsqlParameter { Value = $"raw-{i % Instances}" });
                    command.Parameters.Add(new NpgsqlParameter { Value = (long)i });
                    command.Parameters.Add(new NpgsqlParameter { Value = Payload(i) });
                    command.Parameters.Add(new NpgsqlParameter { Value = (long)i });
                    batch.BatchCommands.Add(command);
                }

                batch.ExecuteNonQuery();
                tx.Commit();
            }

            return n / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            using var drop = new NpgsqlCommand($"DROP TABLE {table}", connection);
            drop.ExecuteNonQuery();
        }
    }
}
