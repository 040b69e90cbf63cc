using Actors.Chaos.Configuration;
using Actors.Chaos.Faults;
using Actors.Resilience;
using Actors.Resilience.Units;

namespace Actors.Chaos.BuiltIn;

/// <summary>
/// <c>worker-exception</c>: a random running instance of a non-critical unit kind has its worker fail as if it threw
/// <see cref="ChaosException"/> (<see cref="InjectWorkerFailure"/>), so supervision, backoff, the breaker, the error
/// journal and health all see a real failure. Heals by itself: the instance restarts its worker after its backoff.
/// Nothing stands, so there is nothing to clear.
/// </summary>
/// <param name="options">Kinds to leave alone beyond the critical ones.</param>
internal sealed class WorkerExceptionFault(WorkerExceptionOptions options) : IChaosFault
{
    public const string FaultName = "worker-exception";

    private static readonly TimeSpan s_askTimeout = TimeSpan.FromSeconds(5);

    public string Name => FaultName;

    public string Description => "a random running unit worker (non-critical kinds) fails with ChaosException; it restarts after its backoff";

    public async ValueTask<ChaosInjection> InjectAsync(ChaosContext context)
    {
        ResilienceRuntime? runtime = ResilienceRuntime.Get(context.System);
        if (runtime is null)
        {
            return ChaosInjection.Skipped("the resilience layer is not running");
        }

        var running = new List<(string Kind, string Id, IActorRef Region)>();
        foreach (UnitKindOptions kind in runtime.Options.Kinds)
        {
            if (kind.Critical || options.ExcludeKinds.Contains(kind.Kind) || await runtime.GetRegionAsync(kind.Kind).ConfigureAwait(false) is not { } region)
            {
                continue;
            }

            UnitInstanceList list = await region.Ask<UnitInstanceList>(ListUnitInstances.Instance, s_askTimeout, context.CancellationToken).ConfigureAwait(false);
            running.AddRange(list.Instances.Where(i => i.State == UnitState.Running).Select(i => (kind.Kind, i.Id, region)));
        }

        if (running.Count == 0)
        {
            return ChaosInjection.Skipped("no running instance of a non-critical unit kind");
        }

        (string k, string id, IActorRef r) = running[context.Random.Next(running.Count)];
        var cause = new ChaosException($"injected by chaos into {k}/{id}");
        object answer = await r.Ask<object>(new InjectWorkerFailure(id, cause), s_askTimeout, context.CancellationToken).ConfigureAwait(false);
        return answer switch
        {
            WorkerFailureInjected { Injected: true } => ChaosInjection.Done($"{k}/{id}", "worker fails with ChaosException; restarts after its backoff"),
            WorkerFailureInjected w => ChaosInjection.Skipped($"{k}/{id}: {w.Detail}"),
            _ => ChaosInjection.Skipped($"{k}/{id} stopped meanwhile"),
        };
    }

    public ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
