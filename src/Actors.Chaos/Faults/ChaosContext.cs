namespace Actors.Chaos.Faults;

/// <summary>What a fault gets for one injection.</summary>
/// <param name="System">The actor system.</param>
/// <param name="Random">A random source of this injection alone (drawn from the monkey's seeded one, so a seeded run repeats); safe to use after an await.</param>
/// <param name="Now">The time of the injection, on the actor system's scheduler.</param>
/// <param name="CancellationToken">Fires when the injection takes longer than <c>actors.chaos.injection-timeout</c>.</param>
public sealed record ChaosContext(ActorSystem System, Random Random, DateTimeOffset Now, CancellationToken CancellationToken)
{
    /// <summary>The actor system's scheduler (virtual time in tests): use it for a fault's self-healing timers.</summary>
    public IScheduler Scheduler => System.Scheduler;
}
