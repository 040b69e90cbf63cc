using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Hosting.HealthChecks;

/// <summary>
/// The hosted actor system's liveness: healthy while it runs and its <c>/user</c> guardian answers within
/// <c>actors.hosting.health-check-timeout</c>; degraded while it starts or shuts down; unhealthy when it failed to
/// start, has terminated, or does not answer.
/// </summary>
public sealed class ActorSystemHealthCheck : IHealthCheck
{
    private readonly ActorsRuntime _runtime;

    internal ActorSystemHealthCheck(ActorsRuntime runtime) => _runtime = runtime;

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        switch (_runtime.Status)
        {
            case ActorsRuntimeStatus.NotStarted:
            case ActorsRuntimeStatus.Starting:
                return HealthCheckResult.Degraded("The actor system is starting.");
            case ActorsRuntimeStatus.Failed:
                return HealthCheckResult.Unhealthy($"The actor system failed to start: {_runtime.Failure?.Message}", _runtime.Failure);
            case ActorsRuntimeStatus.Terminated:
                return HealthCheckResult.Unhealthy("The actor system has terminated.");
        }

        ActorSystem system = _runtime.System!;
        if (system.WhenTerminated.IsCompleted)
        {
            return HealthCheckResult.Unhealthy("The actor system has terminated.");
        }

        var data = new Dictionary<string, object>
        {
            ["actorSystem"] = system.Name,
            ["uptime"] = system.Uptime.ToString(),
        };
        CoordinatedShutdown shutdown = CoordinatedShutdown.Get(system);
        if (shutdown.IsRunning)
        {
            return HealthCheckResult.Degraded($"The actor system is shutting down ({shutdown.ShutdownReason}).", data: data);
        }

        TimeSpan timeout = _runtime.HealthCheckTimeout;
        try
        {
            await system.ActorSelection("/user").ResolveOne(timeout).WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The actor system {system.Name} is running.", data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The /user guardian of {system.Name} did not answer within {timeout} (overloaded or stuck).", e, data);
        }
    }
}
