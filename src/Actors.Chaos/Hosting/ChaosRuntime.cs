using System.Runtime.CompilerServices;
using Actors.Chaos.Configuration;
using Actors.Chaos.Monkey;

namespace Actors.Chaos.Hosting;

/// <summary>Chaos on one actor system: its options and its monkey (<c>/user/chaos</c>). Reach it with <see cref="Get"/>.</summary>
public sealed class ChaosRuntime
{
    private static readonly ConditionalWeakTable<ActorSystem, ChaosRuntime> s_runtimes = new();

    private ChaosRuntime(ChaosOptions options, IActorRef monkey)
    {
        Options = options;
        Monkey = monkey;
    }

    /// <summary>The options the monkey runs with.</summary>
    public ChaosOptions Options { get; }

    /// <summary>The monkey: tell it <see cref="StartChaos"/>, <see cref="StopChaos"/>, <see cref="GetChaosStatus"/>.</summary>
    public IActorRef Monkey { get; }

    /// <summary>Starts the monkey on <paramref name="system"/> (stopped unless <see cref="ChaosOptions.EnabledAtStart"/>; it first clears what an earlier run may have left standing).</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="options">Validated options with their faults.</param>
    /// <returns>The runtime.</returns>
    public static ChaosRuntime Start(ActorSystem system, ChaosOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        IActorRef monkey = system.ActorOf(ChaosMonkey.Props(options), "chaos");
        var runtime = new ChaosRuntime(options, monkey);
        s_runtimes.AddOrUpdate(system, runtime);
        return runtime;
    }

    /// <summary>The chaos runtime of <paramref name="system"/>, or <see langword="null"/> when WithChaos did not run.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The runtime, or <see langword="null"/>.</returns>
    public static ChaosRuntime? Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return s_runtimes.TryGetValue(system, out ChaosRuntime? r) ? r : null;
    }

    /// <summary>Starts chaos, or changes its rate.</summary>
    /// <param name="ratePerSecond">Faults per second; <see langword="null"/> keeps the current rate.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The status, or the refusal (rate out of range, every fault off).</returns>
    public async Task<object> StartAsync(double? ratePerSecond, CancellationToken cancellationToken = default) =>
        await Monkey.Ask<object>(new StartChaos(ratePerSecond), TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);

    /// <summary>Stops chaos and clears every standing fault.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The status once cleared.</returns>
    public Task<ChaosStatus> StopAsync(CancellationToken cancellationToken = default) =>
        Monkey.Ask<ChaosStatus>(StopChaos.Instance, (Options.InjectionTimeout * 3) + TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>The monkey's status.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The status.</returns>
    public Task<ChaosStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        Monkey.Ask<ChaosStatus>(GetChaosStatus.Instance, TimeSpan.FromSeconds(10), cancellationToken);
}
