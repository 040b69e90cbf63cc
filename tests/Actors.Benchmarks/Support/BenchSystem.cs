using Akka.Configuration;

namespace Actors.Benchmarks.Support;

/// <summary>Actor systems for the benchmarks: warnings only, no dead-letter logging.</summary>
internal static class BenchSystem
{
    private const string Quiet = """
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """;

    public static ActorSystem Create(string name, string? extra = null) =>
        ActorSystem.Create(name, ConfigurationFactory.ParseString(Quiet + "\n" + (extra ?? string.Empty)));

    public static void Shutdown(ActorSystem system) =>
        system.Terminate().Wait(TimeSpan.FromSeconds(30));
}
