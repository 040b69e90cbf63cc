using Actors.Event;

namespace Actors.Benchmarks.Support;

/// <summary>Creates the actor system under benchmark: real time, no console logging, errors only.</summary>
internal static class BenchSystem
{
    public static ActorSystem Create(string name) => ActorSystem.Create(name, new ActorSystemOptions
    {
        StdoutLogger = false,
        LogDeadLetters = 0,
        LogLevel = LogLevel.ErrorLevel,
    });

    public static void Shutdown(ActorSystem system)
    {
        if (!system.Terminate().Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"{system} did not terminate within 30 s.");
        }
    }

    /// <summary>Blocks until <paramref name="done"/> is set, failing loudly instead of hanging a benchmark run.</summary>
    public static void Await(ManualResetEventSlim done, string what)
    {
        if (!done.Wait(TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException($"Benchmark step '{what}' did not finish within 120 s.");
        }
    }
}
