namespace Actors.Sessions.Configuration;

/// <summary>Where the outboxes' journal and snapshots live.</summary>
public enum SessionStore
{
    /// <summary>An embedded SQLite file per node (<c>provider-name = "SQLite.MS"</c>).</summary>
    Sqlite,

    /// <summary>PostgreSQL (<c>provider-name = "PostgreSQL.15"</c>), for several nodes.</summary>
    PostgreSql,
}
