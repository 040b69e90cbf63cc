namespace Actors.Sessions.Configuration;

/// <summary>The Akka.Persistence.Sql configuration of the outboxes' journal and snapshot store.</summary>
public static class SessionPersistenceConfig
{
    /// <summary>
    /// The HOCON that makes Akka.Persistence.Sql the default journal and snapshot store on the configured store
    /// (tables created on first use). Creates the SQLite folder when needed.
    /// </summary>
    /// <param name="options">The session options.</param>
    /// <returns>The configuration, to put in front of the system's.</returns>
    public static Akka.Configuration.Config Build(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Store == SessionStore.Sqlite && options.ConnectionString.Length == 0)
        {
            Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
        }

        string connection = Quote(options.EffectiveConnectionString());
        string provider = Quote(options.ProviderName());
        string mapping = options.Store == SessionStore.Sqlite ? "sqlite" : "postgresql";

        // SQLite takes one writer at a time: one journal write stream avoids "database is locked".
        string parallelism = options.Store == SessionStore.Sqlite ? "1" : "3";

        // The plugin's own advice: larger batches suit a fast, local database. SQLite is local and takes one writer.
        string batchSize = options.Store == SessionStore.Sqlite ? "400" : "100";
        return Akka.Configuration.ConfigurationFactory.ParseString($$"""
            # The outbox's events and snapshots have a serializer of their own (Outbox/OutboxSerializer.cs).
            akka.actor {
              serializers.actors-session-outbox = "Actors.Sessions.Outbox.OutboxSerializer, Actors.Sessions"
              serialization-bindings {
                "Actors.Sessions.Outbox.MessageAccepted, Actors.Sessions" = actors-session-outbox
                "Actors.Sessions.Outbox.MessageDelivered, Actors.Sessions" = actors-session-outbox
                "Actors.Sessions.Outbox.OutboxSnapshot, Actors.Sessions" = actors-session-outbox
              }
              serialization-identifiers."Actors.Sessions.Outbox.OutboxSerializer, Actors.Sessions" = {{Outbox.OutboxSerializer.Id}}
            }
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  connection-string = {{connection}}
                  provider-name = {{provider}}
                  table-mapping = {{mapping}}
                  auto-initialize = on
                  parallelism = {{parallelism}}
                  batch-size = {{batchSize}}
                }
              }
              query.journal.sql {
                connection-string = {{connection}}
                provider-name = {{provider}}
                table-mapping = {{mapping}}
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  connection-string = {{connection}}
                  provider-name = {{provider}}
                  table-mapping = {{mapping}}
                  auto-initialize = on
                }
              }
            }
            """).WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
