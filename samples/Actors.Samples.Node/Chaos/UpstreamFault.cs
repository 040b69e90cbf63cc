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
/// <see cref="GlobalFor"/>. It heals by itself (the node takes the setting back when the time is up) and at once on
/// clear (<c>DELETE /control/faults</c>, every setting). The sessions heal as they are built to: refused and dropped
/// connections reconnect with backoff (the breaker may open), malformed frames fail the connection and it reconnects;
/// the outbox resends what was not acknowledged, so no message is lost or duplicated.
/// </summary>
/// <remarks>Thread-safe: injections, heal timers and a clear may run at once; the standing settings are a concurrent map.</remarks>
/// <param name="name">The fault's name.</param>
/// <param name="description">What it breaks and how that heals.</param>
/// <param name="settings">The setting it applies.</param>
internal sealed class UpstreamFault(string name, string description, FaultSettings settings) : IChaosFault
{
    public static readonly TimeSpan InstanceFor = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan GlobalFor = TimeSpan.FromSeconds(3);

    private const string Global = "";

    private readonly ConcurrentDictionary<string, long> _standing = new(StringComparer.Ordinal);
    private long _generation;

    public string Name => name;

    public string Description => description;

    public async ValueTask<ChaosInjection> InjectAsync(ChaosContext context)
    {
        if (ControlEndpoints.Upstream(context.System) is not { } upstream)
        {
            return ChaosInjection.Skipped("the session gateway is not running");
        }

        string? instance = null;
        if (context.Random.Next(4) != 0 && ResilienceRuntime.Get(context.System) is { } runtime && await runtime.GetRegionAsync(SessionGateway.Kind).ConfigureAwait(false) is { } region)
        {
            UnitInstanceList list = await region.Ask<UnitInstanceList>(ListUnitInstances.Instance, TimeSpan.FromSeconds(5), context.CancellationToken).ConfigureAwait(false);
            string[] ids = [.. list.Instances.Where(i => i.State == UnitState.Running).Select(i => i.Id)];
            instance = ids.Length == 0 ? null : ids[context.Random.Next(ids.Length)];
        }

        TimeSpan duration = instance is null ? GlobalFor : InstanceFor;
        string query = instance is null ? string.Empty : "?instance_id=" + Uri.EscapeDataString(instance);
        using (HttpResponseMessage response = await ControlEndpoints.Http.PostAsJsonAsync(new Uri(upstream, "control/faults" + query), settings, context.CancellationToken).ConfigureAwait(false))
        {
            await ControlEndpoints.EnsureOkAsync(response, "the upstream's POST /control/faults", context.CancellationToken).ConfigureAwait(false);
        }

        string key = instance ?? Global;
        long generation = Interlocked.Increment(ref _generation);
        _standing[key] = generation;
        context.Scheduler.Advanced.ScheduleOnce(duration, () => _ = HealAsync(upstream, key, generation));
        string target = instance is null ? "upstream (every session)" : $"upstream session {instance}";
        return ChaosInjection.Done(target, string.Create(CultureInfo.InvariantCulture, $"{Name} for {duration.TotalSeconds:0} s, then taken back"));
    }

    public async ValueTask ClearAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        _standing.Clear();
        // Every setting, not only the ones this process made: a node killed during chaos may have left some on an
        // external upstream. Nothing to clear when no gateway runs.
        if (ControlEndpoints.Upstream(system) is { } upstream)
        {
            using HttpResponseMessage response = await ControlEndpoints.Http.DeleteAsync(new Uri(upstream, "control/faults"), cancellationToken).ConfigureAwait(false);
            await ControlEndpoints.EnsureOkAsync(response, "the upstream's DELETE /control/faults", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes one setting back when its time is up, unless a newer injection replaced it or a clear removed it.</summary>
    private async Task HealAsync(Uri upstream, string key, long generation)
    {
        if (!_standing.TryRemove(new KeyValuePair<string, long>(key, generation)))
        {
            return;
        }

        try
        {
            // The global setting goes back to "no faults" (a DELETE without instance_id would clear every instance's too).
            using HttpResponseMessage response = key == Global
                ? await ControlEndpoints.Http.PostAsJsonAsync(new Uri(upstream, "control/faults"), FaultSettings.None).ConfigureAwait(false)
                : await ControlEndpoints.Http.DeleteAsync(new Uri(upstream, "control/faults?instance_id=" + Uri.EscapeDataString(key))).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The upstream is down or slow: stopping chaos clears everything anyway.
        }
    }
}
