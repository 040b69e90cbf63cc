using Actors.Hocon;
using Actors.Sessions.Configuration;

namespace Actors.Sessions.Tests.Configuration;

public sealed class SessionConfigReaderTests
{
    private static Config Read(string text) =>
        ConfigurationFactory.ParseString(text, "node.conf").WithFallback(ReferenceConfig.FromAssembly(typeof(SessionGateway).Assembly));

    [Fact]
    public void Read_ShippedDefaults_MatchTheDocumentedOnes()
    {
        SessionOptions o = SessionConfigReader.Read(Read(string.Empty));
        Assert.Null(o.Upstream);
        Assert.Equal(TimeSpan.FromMinutes(2), o.PingInterval);
        Assert.Equal(SessionStore.Sqlite, o.Store);
        Assert.Equal("SQLite.MS", o.ProviderName());
        Assert.Equal(10_000, o.OutboxCapacity);
        Assert.EndsWith(Path.Combine("data", "sessions.db"), o.EffectiveConnectionString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PostgresWithConnectionString_UsesPostgreSql15()
    {
        SessionOptions o = SessionConfigReader.Read(Read("actors.sessions { upstream = \"ws://127.0.0.1:5090/\", outbox { store = postgresql, connection-string = \"Host=h\" } }"));
        Assert.Equal(("PostgreSQL.15", "Host=h"), (o.ProviderName(), o.EffectiveConnectionString()));
        Assert.Equal(new Uri("ws://127.0.0.1:5090/"), o.Upstream);
    }

    [Theory]
    [InlineData("actors.sessions.outbox.store = mysql", "actors.sessions.outbox.store", "expected sqlite or postgresql")]
    [InlineData("actors.sessions.outbox.capacity = 0", "actors.sessions.outbox.capacity", "out of range")]
    [InlineData("actors.sessions.upstream = \"http://x/\"", "actors.sessions.upstream", "ws://")]
    [InlineData("actors.sessions.outbox.store = postgresql", "actors.sessions.outbox.connection-string", "connection string")]
    public void Read_BadValue_NamesFileLineAndKey(string text, string path, string detail)
    {
        HoconException e = Assert.Throws<HoconException>(() => SessionConfigReader.Read(Read(text)));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
        if (path != "actors.sessions.outbox.connection-string")
        {
            Assert.Contains("node.conf:1", e.Message, StringComparison.Ordinal);
        }
    }
}
