namespace Actors.Resilience;

/// <summary>
/// The dispatcher of the observers (the health aggregator, the error journal and the metrics recorder): one thread of
/// their own (Akka's <c>ForkJoinDispatcher</c>) instead of the .NET thread pool the workers run on. Every failure tells
/// each observer a few events; on the pool those runs would be queued among the workers' (a pool thread serves its own
/// queue newest first), delaying a restarted worker's first reply behind bookkeeping, and a pool saturated by user work
/// would hold up the aggregator's sampling. An application may declare <see cref="Id"/> itself (for example
/// <c>type = Dispatcher</c> to put the observers back on the pool); its declaration wins over this fallback.
/// </summary>
/// <remarks>
/// Akka shuts an idle dispatcher down through the actor system's scheduler; under Akka.TestKit's <c>TestScheduler</c>,
/// whose time only moves when a test advances it, the thread stays (idle) until the process exits.
/// </remarks>
internal static class ObserversDispatcher
{
    /// <summary>The dispatcher's id in the actor system's configuration.</summary>
    public const string Id = "actors-resilience-observers-dispatcher";

    /// <summary>The configuration that declares it, injected as a fallback by <see cref="ResilienceRuntime.Start"/>.</summary>
    public static Akka.Configuration.Config Declaration { get; } = Akka.Configuration.ConfigurationFactory.ParseString(
        $$"""
        {{Id}} {
          type = ForkJoinDispatcher
          throughput = 100
          dedicated-thread-pool {
            thread-count = 1
            threadtype = background
          }
        }
        """);
}
