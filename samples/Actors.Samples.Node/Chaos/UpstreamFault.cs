using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using Actors.Chaos.Faults;
using Actors.Resilience;
using Actors.Resilience.Units;
using Actors.Samples.Upstream;
using Actors.Sessions;

namespace Actors.Samples.Node.Chaos;

/// <summary>
/// A session-upstream fault set through the upstream's control endpoint (<c>POST /control/faults</c>): for one random
/// live session instance for <see cref="InstanceFor"/>, or, one time in four, for every instance for the shorter
/// <see cref="GlobalFor"/>. The setting carries <c>expires_after_ms</c>, so the upstream ends it by itself even if this
/// node dies (SIGKILL) before stopping chaos. A clear takes back, at once, only the settings this process made that
/// are still in force (an instance's with <c>DELETE /control/faults?instance_id=</c>, the global one by setting "no
/// faults"): faults set by someone else (a test, an operator) are left alone. The sessions heal as they are built to:
/// refused and dropped connections reconnect with backoff (the breaker may open), a malformed frame fails the
/// connection and it reconnects; the outbox resends what was not acknowledged, so no message is lost or duplicated.
/// </summary>
/// <remarks>Thread-safe: injections and a clear may run at once; the settings made are a concurrent map.</remarks>
/// <param name="name">The fault's name.</param>
/// <param name="description">What it breaks and how that heals.</param>
/// <param name="settings">The setting it applies.</param>
internal sealed class UpstreamFault(string name, string description, FaultSettings settings) : IChaosFault
{
    public static readonly TimeSpan InstanceFor = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan GlobalFor = TimeSpan.FromSeconds(3);

    private const string Global = "";

    /// <summary>The settings this process made, by instance id ("" = global), with when they end on the scheduler's clock.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _made = new(StringComparer.Ordinal);

    public string Name => name;

    public string Description => description;

    public async ValueTask<ChaosInjection> InjectAsync(ChaosContext context)
    {
        if (ControlEndpoints.Upstream(context.System) is not { } upstream)
        {
            return ChaosInjection.Skipped("the session gateway is not running");
        }

        string? instance = null;
        if (context.Random.Next(4) != 0)
        {
            // One live session. When none is running (they are all reconnecting), nothing: escalating to every session
            // would keep the whole upstream broken while chaos runs.
            if (ResilienceRuntime.Get(context.System) is { } runtime && await runtime.GetRegionAsync(SessionGateway.Kind).ConfigureAwait(false) is { } region)
            {
                UnitInstanceList list = await region.Ask<UnitInstanceList>(ListUnitInstances.Instance, TimeSpan.FromSeconds(5), context.CancellationToken).ConfigureAwait(false);
                string[] ids = [.. list.Instances.Where(i => i.State == UnitState.Running).Select(i => i.Id)];
                instance = ids.Length == 0 ? null : ids[context.Random.Next(ids.Length)];
            }

            if (instance is null)
            {
                return ChaosInjection.Skipped("no running session instance");
            }
        }

        TimeSpan duration = instance is null ? GlobalFor : InstanceFor;
        string query = instance is null ? string.Empty : "?instance_id=" + Uri.EscapeDataString(instance);
        FaultSettings expiring = settings with { ExpiresAfterMs = (int)duration.TotalMilliseconds };
        _made[instance ?? Global] = context.Now + duration; // before the call: a clear racing it takes it back too
        using (HttpResponseMessage response = await ControlEndpoints.Http.PostAsJsonAsync(new Uri(upstream, "control/faults" + query), expiring, context.CancellationToken).ConfigureAwait(false))
        {
            await ControlEndpoints.EnsureOkAsync(response, "the upstream's POST /control/faults", context.CancellationToken).ConfigureAwait(false);
        }

        string target = instance is null ? "upstream (every session)" : $"upstream session {instance}";
        return ChaosInjection.Done(target, string.Create(CultureInfo.InvariantCulture, $"{Name} for {duration.TotalSeconds:0} s (the upstream ends it)"));
    }

    public async ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        DateTimeOffset now = system.Scheduler.Now;
        string[] standing = [.. _made.Where(m => m.Value > now).Select(m => m.Key)];
        _made.Clear();
        if (standing.Length == 0 || ControlEndpoints.Upstream(system) is not { } upstream)
        {
            return;
        }

        foreach (string key in standing)
        {
            using HttpResponseMessage response = key == Global
                ? await ControlEndpoints.Http.PostAsJsonAsync(new Uri(upstream, "control/faults"), FaultSettings.None, cancellationToken).ConfigureAwait(false)
                : await ControlEndpoints.Http.DeleteAsync(new Uri(upstream, "control/faults?instance_id=" + Uri.EscapeDataString(key)), cancellationToken).ConfigureAwait(false);
            await ControlEndpoints.EnsureOkAsync(response, $"the upstream's {(key == Global ? "POST" : "DELETE")} /control/faults", cancellationToken).ConfigureAwait(false);
        }
    }
}
