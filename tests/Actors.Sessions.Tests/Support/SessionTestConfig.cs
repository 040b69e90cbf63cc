using Actors.Sessions.Configuration;

namespace Actors.Sessions.Tests.Support;

internal static class SessionTestConfig
{
    public static SessionOptions SqliteOptions(string? file = null) => new()
    {
        Store = SessionStore.Sqlite,
        DataDirectory = Path.Combine(Path.GetTempPath(), "actors-sessions-tests"),
        FileName = file ?? $"outbox-{Guid.NewGuid():N}.db",
    };

    public static SessionOptions PostgresOptions() => new()
    {
        Store = SessionStore.PostgreSql,
        ConnectionString = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? string.Empty,
    };

    public static global::Akka.Configuration.Config Akka(SessionOptions options, bool virtualTime) =>
        global::Akka.Configuration.ConfigurationFactory.ParseString(
            (virtualTime ? "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"\n" : string.Empty) +
            "akka.loglevel = WARNING\nakka.actor.serialize-messages = off\n")
        .WithFallback(SessionPersistenceConfig.Build(options));
}
