using Actors.Hocon;
using Actors.Resilience;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Hosting.Resilience;

/// <summary>
/// Starts the <see cref="ResilienceRuntime"/> once the hosted actor system is up (as a <c>WithActors</c> starter) and
/// hands it to whoever needs it (the admin endpoints, DI). One per builder; registered as a singleton.
/// </summary>
internal sealed class ResilienceHost
{
    private readonly TaskCompletionSource<ResilienceRuntime> _runtime = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<Action<ResilienceOptions, Config>> Configure { get; } = new();

    /// <summary>Completes when the runtime has started; faults when it failed to.</summary>
    public Task<ResilienceRuntime> Runtime => _runtime.Task;

    /// <summary>The host of <paramref name="builder"/>, created (with its starter and service registrations) on first use.</summary>
    public static ResilienceHost Get(ActorsBuilder builder, string caller)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(ResilienceHost))?.ImplementationInstance is ResilienceHost existing)
        {
            return existing;
        }

        if (builder.IsFrozen)
        {
            throw new InvalidOperationException($"{caller} registers services: call it from AddActors(name, builder => ...), not from the (builder, serviceProvider) overload.");
        }

        var host = new ResilienceHost();
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(_ => host.Runtime.IsCompletedSuccessfully
            ? host.Runtime.Result
            : throw new InvalidOperationException("The resilience runtime is not started yet (it starts with the actor system): await it after the host has started."));
        builder.WithActors((system, _) => host.Start(system));
        return host;
    }

    private void Start(ActorSystem system)
    {
        try
        {
            Config config = system.Settings.Config;
            var options = ResilienceOptions.FromConfig(config);
            foreach (Action<ResilienceOptions, Config> configure in Configure)
            {
                configure(options, config);
            }

            _runtime.TrySetResult(ResilienceRuntime.Start(system, options));
        }
        catch (Exception e)
        {
            _runtime.TrySetException(e);
            throw;
        }
    }
}
