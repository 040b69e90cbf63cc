using System.Globalization;

using Actors.Resilience.Units;

namespace Actors.Resilience.Memory;

/// <summary>
/// The actor at <c>/user/memory</c>. It samples memory on its own timer; at the soft threshold it runs cleanup (with a
/// cooldown), at the hard threshold the emergency policy, and once below the soft threshold again it admits new work.
/// Its sampling sends itself the same <see cref="RunMemoryCleanup"/> and <see cref="RunMemoryEmergency"/> messages an
/// operator sends, so there is one code path for each action. Every action is journaled and published.
/// </summary>
internal sealed class MemoryGuard : ReceiveActor, IWithTimers
{
    private static readonly object s_sampleKey = "sample";

    private readonly MemoryGuardOptions _options;
    private readonly IActorRef? _units;
    private readonly Queue<MemoryAction> _journal = new();
    private IMemoryProbe _probe = null!;
    private MemorySample _sample = new(0, 0, 0);
    private DateTimeOffset? _lastCleanup;
    private bool _overloaded;
    private long _sequence;
    private readonly Dictionary<string, WorkloadMemory> _workloads = new(StringComparer.Ordinal);

    public MemoryGuard(MemoryGuardOptions options, IActorRef? units)
    {
        _options = options;
        _units = units;
        Receive<SampleTick>(_ => Sample());
        Receive<RunMemoryCleanup>(c => Reply(Cleanup(c.Trigger)));
        Receive<RunMemoryEmergency>(e => Reply(Emergency(e.Trigger)));
        Receive<GetMemoryStatus>(_ => Sender.Tell(new MemoryStatus(_sample, _options.SoftThreshold, _options.HardThreshold, _overloaded, _lastCleanup, _journal.ToArray())
        {
            Workloads = _workloads.Values.OrderBy(w => w.Owner, StringComparer.Ordinal).ToArray(),
        }));
        Receive<WorkloadMemory>(w => _workloads[w.Owner] = w);
        Receive<UnitsAffected>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    public static Props Props(MemoryGuardOptions options, IActorRef? units) => Akka.Actor.Props.Create(() => new MemoryGuard(options, units));

    protected override void PreStart()
    {
        _probe = _options.Probe ?? new GcMemoryProbe();
        Context.System.EventStream.Subscribe(Self, typeof(WorkloadMemory));
        Timers.StartPeriodicTimer(s_sampleKey, SampleTick.Instance, _options.SampleInterval);

        // A guard recreated (or restarted) during an emergency starts admitting: say so, so no region keeps refusing
        // work on the word of the previous incarnation; its own sampling declares a new emergency if there is one.
        Context.System.EventStream.Publish(new MemoryPressureChanged(false, _options.SampleInterval));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self, typeof(WorkloadMemory));

    private void Reply(MemoryAction action)
    {
        if (!Sender.Equals(Context.System.DeadLetters) && !Sender.Equals(Self))
        {
            Sender.Tell(action);
        }
    }

    private void Sample()
    {
        _sample = _probe.Sample();
        double ratio = _sample.Ratio;
        if (ratio >= _options.HardThreshold)
        {
            if (!_overloaded)
            {
                Self.Tell(new RunMemoryEmergency(MemoryActionTrigger.Automatic), Self);
            }
        }
        else if (ratio >= _options.SoftThreshold)
        {
            if (_lastCleanup is null || Now - _lastCleanup.Value >= _options.CleanupCooldown)
            {
                Self.Tell(new RunMemoryCleanup(MemoryActionTrigger.Automatic), Self);
            }
        }
        else if (_overloaded)
        {
            _overloaded = false;
            Context.System.EventStream.Publish(new MemoryPressureChanged(false, _options.SampleInterval));
            Journal(MemoryActionKind.Recovered, MemoryActionTrigger.Automatic, Format($"memory at {ratio:P1}, below the soft threshold {_options.SoftThreshold:P0}: admitting new work"));
        }
    }

    private MemoryAction Cleanup(MemoryActionTrigger trigger)
    {
        DateTimeOffset now = Now;
        if (trigger == MemoryActionTrigger.Automatic && _lastCleanup is { } last && now - last < _options.CleanupCooldown)
        {
            return Journal(MemoryActionKind.CleanupSkipped, trigger, Format($"cleanup skipped: the previous one ran {(now - last).TotalSeconds:F0} s ago (cooldown {_options.CleanupCooldown.TotalSeconds:F0} s)"));
        }

        _lastCleanup = now;
        _units?.Tell(new PassivateIdleUnits(_options.PassivateIdleAfter), Self);
        Context.System.EventStream.Publish(new MemoryCleanupRequested(trigger));
        if (_options.CompactHeapOnCleanup)
        {
            _probe.CompactHeap();
        }

        return Journal(MemoryActionKind.Cleanup, trigger, Format(
            $"cleanup at {_sample.Ratio:P1}: passivating units idle for {_options.PassivateIdleAfter.TotalSeconds:F0} s, pools asked to trim{(_options.CompactHeapOnCleanup ? ", heap compacted" : string.Empty)}"));
    }

    private MemoryAction Emergency(MemoryActionTrigger trigger)
    {
        _units?.Tell(StopNonCriticalUnits.Instance, Self);
        if (!_overloaded)
        {
            _overloaded = true;
            Context.System.EventStream.Publish(new MemoryPressureChanged(true, _options.SampleInterval));
        }

        return Journal(MemoryActionKind.Emergency, trigger, Format(
            $"emergency at {_sample.Ratio:P1}: stopping non-critical units and refusing new work until below {_options.SoftThreshold:P0}"));
    }

    private MemoryAction Journal(MemoryActionKind kind, MemoryActionTrigger trigger, string detail)
    {
        var action = new MemoryAction(++_sequence, Now, kind, trigger, _sample.Ratio, detail);
        _journal.Enqueue(action);
        while (_journal.Count > _options.ActionJournalCapacity)
        {
            _journal.Dequeue();
        }

        Context.System.EventStream.Publish(action);
        if (kind is MemoryActionKind.Emergency)
        {
            Context.GetLogger().Warning("{0}", detail);
        }

        return action;
    }

    private static string Format(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class SampleTick
    {
        public static SampleTick Instance { get; } = new();
    }
}
