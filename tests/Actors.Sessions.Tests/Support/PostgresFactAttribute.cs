namespace Actors.Sessions.Tests.Support;

/// <summary>A fact that runs when ACTORS_TEST_POSTGRES holds a connection string (.ci/run starts a private
/// PostgreSQL 15 and sets it) and is reported as skipped, with the reason, otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "ACTORS_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: .ci/run starts a private PostgreSQL 15 and sets it.";
        }
    }
}
