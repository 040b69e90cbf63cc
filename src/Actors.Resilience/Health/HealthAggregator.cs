using Actors.Resilience.Supervision;
using Actors.Resilience.Errors;
using Actors.Resilience.Units;

namespace Actors.Resilience.Health;

/// <summary>
/// The actor at <c>/user/health</c>. It learns everything from the event stream (failures, unit state changes,
/// retries, load reports, handling times), samples the resource probe on its own timer, and publishes an immutable
/// <see cref="HealthSnapshot"/> into a <see cref="HealthSnapshotSource"/> at most once per publish interval when
/// something changed; <see cref="GetHealthSnapshot"/> returns a fresh one. It never asks another actor anything.
/// </summary>
internal sealed class HealthAggregator : ReceiveActor, IWithTimers
{
    private static readonly object s_sampleKey = "sample";
    private static readonly object s_publishKey = "publish";

    private readonly HealthOptions _options;
    private readonly HealthSnapshotSource _source;
    private readonly Dictionary<(string Kind, string Id), InstanceRecord> _instances = new();
    private readonly Dictionary<string, HandlingTimes> _handling = new(StringComparer.Ordinal);
    private readonly SlidingCounter _failures = new(TimeSpan.FromMinutes(1));
    private readonly SlidingCounter _messages = new(TimeSpan.FromMinutes(1));
    private IResourceProbe? _probe;
    private ResourceSample _resources = ResourceSample.Unknown;
    private HealthStatus _lastStatus = HealthStatus.Healthy;
    private bool _dirty = true;

    public HealthAggregator(HealthOptions options, HealthSnapshotSource source)
    {
        _options = options;
        _source = source;
        Receive<ActorFailed>(OnFailed);
        Receive<UnitStateChanged>(OnStateChanged);
        Receive<UnitRetryScheduled>(OnRetry);
        Receive<UnitLoadReport>(r =>
        {
            _messages.Add(Now, r.Messages);
            _dirty = true;
        });
        Receive<UnitHandlingTime>(OnHandlingTime);
        Receive<Memory.WorkloadMemory>(w =>
        {
            _workloads[w.Owner] = w;
            _dirty = true;
        });
        Receive<WorkloadCounters>(c =>
        {
            _counters[c.Owner] = c;
            _dirty = true;
        });
        Receive<SampleTick>(_ => Sample());
        Receive<PublishTick>(_ =>
        {
            if (_dirty)
            {
                Publish();
            }
        });
        Receive<GetHealthSnapshot>(_ => Sender.Tell(Publish()));
        Receive<UnitInstanceList>(OnInstanceList);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private readonly Dictionary<string, Memory.WorkloadMemory> _workloads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkloadCounters> _counters = new(StringComparer.Ordinal);

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    /// <summary>The events it learns from; <see cref="ResilienceRuntime.Start"/> subscribes it before it even starts, so none is missed.</summary>
    public static readonly Type[] Events = [typeof(ActorFailed), typeof(UnitStateChanged), typeof(UnitRetryScheduled), typeof(UnitLoadReport), typeof(UnitHandlingTime), typeof(Memory.WorkloadMemory), typeof(WorkloadCounters)];

    public static Props Props(HealthOptions options, HealthSnapshotSource source) =>
        Akka.Actor.Props.Create(() => new HealthAggregator(options, source));

    protected override void PreStart()
    {
        _probe = _options.Probe ?? new SystemResourceProbe(TimeProvider.System);
        var stream = Context.System.EventStream;
        foreach (Type type in Events)
        {
            stream.Subscribe(Self, type);
        }

        Timers.StartPeriodicTimer(s_sampleKey, SampleTick.Instance, _options.SampleInterval);
        Timers.StartPeriodicTimer(s_publishKey, PublishTick.Instance, _options.PublishInterval);
        Sample();

        // A recreated aggregator (see ResilienceKeeper) learns the instances that exist now; counters start afresh.
        Context.ActorSelection("/user/" + UnitAddress.UnitsName).Tell(ListUnitInstances.Instance, Self);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnFailed(ActorFailed failed)
    {
        DateTimeOffset now = Now;
        _failures.Add(now);
        _dirty = true;
        if (!UnitAddress.TryParse(failed.Child.Path, out string kind, out string id))
        {
            return;
        }

        InstanceRecord record = Get(kind, id, now);
        (record.Failures ??= new()).Enqueue(now);
        while (record.Failures.Count > 10_000)
        {
            record.Failures.Dequeue();
        }

        Exception cause = FailureCause.Unwrap(failed.Cause);
        record.LastFailure = $"{cause.GetType().Name}: {cause.Message}";
    }

    private void OnInstanceList(UnitInstanceList list)
    {
        foreach (UnitInstanceSummary instance in list.Instances)
        {
            if (!_instances.ContainsKey((list.Kind, instance.Id)))
            {
                _instances[(list.Kind, instance.Id)] = new InstanceRecord { State = instance.State, Since = instance.Created };
                _dirty = true;
            }
        }
    }

    private void OnStateChanged(UnitStateChanged changed)
    {
        InstanceRecord record = Get(changed.Kind, changed.Id, changed.Time);
        if (changed.State == UnitState.CircuitOpen && record.State != UnitState.CircuitOpen)
        {
            record.BreakerActivations++;
        }

        record.State = changed.State;
        record.Since = changed.Time;
        _dirty = true;
    }

    private void OnRetry(UnitRetryScheduled retry)
    {
        InstanceRecord record = Get(retry.Kind, retry.Id, Now);
        record.RetryAttempts++;
        record.Restarts++;
        _dirty = true;
    }

    private void OnHandlingTime(UnitHandlingTime time)
    {
        if (!_handling.TryGetValue(time.Kind, out HandlingTimes? times))
        {
            _handling[time.Kind] = times = new HandlingTimes(_options.HandlingTimeSamples);
        }

        times.Add(time.Elapsed);
        _dirty = true;
    }

    private InstanceRecord Get(string kind, string id, DateTimeOffset now)
    {
        if (!_instances.TryGetValue((kind, id), out InstanceRecord? record))
        {
            _instances[(kind, id)] = record = new InstanceRecord { State = UnitState.Starting, Since = now };
        }

        return record;
    }

    private void Sample()
    {
        try
        {
            _resources = _probe!.Sample();
        }
        catch (Exception e)
        {
            Context.System.Log.Warning(e, "The resource probe failed; keeping the previous sample");
        }

        // Forget instances that have been stopped for longer than the recent-failure window.
        DateTimeOffset horizon = Now - _options.RecentFailureWindow;
        List<(string, string)>? gone = null;
        foreach (var (key, record) in _instances)
        {
            if (record.State == UnitState.Stopped && record.Since < horizon)
            {
                (gone ??= new()).Add(key);
            }
        }

        gone?.ForEach(k => _instances.Remove(k));
        _dirty = true;
    }

    private HealthSnapshot Publish()
    {
        HealthSnapshot snapshot = Compute() with
        {
            Workloads = _workloads.Values.OrderBy(w => w.Owner, StringComparer.Ordinal).ToArray(),
            Counters = _counters.Values.OrderBy(c => c.Owner, StringComparer.Ordinal).ToArray(),
        };
        _source.Publish(snapshot);
        _dirty = false;
        if (snapshot.Status != _lastStatus)
        {
            Context.System.EventStream.Publish(new HealthStatusChanged(_lastStatus, snapshot.Status, snapshot.Score, snapshot.Reasons));
            _lastStatus = snapshot.Status;
        }

        return snapshot;
    }

    private HealthSnapshot Compute()
    {
        DateTimeOffset now = Now;
        DateTimeOffset horizon = now - _options.RecentFailureWindow;
        var instances = new List<UnitInstanceHealth>(_instances.Count);
        foreach (var ((kind, id), record) in _instances)
        {
            while (record.Failures is { Count: > 0 } && record.Failures.Peek() <= horizon)
            {
                record.Failures.Dequeue();
            }

            instances.Add(new UnitInstanceHealth(kind, id, record.State, record.Since, record.Restarts, record.RetryAttempts, record.Failures?.Count ?? 0, record.BreakerActivations, record.LastFailure));
        }

        instances.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Kind, b.Kind);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });

        var kinds = new List<UnitKindHealth>();
        foreach (var group in instances.GroupBy(i => i.Kind, StringComparer.Ordinal))
        {
            kinds.Add(Sum(group.Key, group, _handling.TryGetValue(group.Key, out HandlingTimes? t) ? t.P95() : null));
        }

        foreach (var (kind, times) in _handling)
        {
            if (!kinds.Exists(k => k.Kind == kind))
            {
                kinds.Add(Sum(kind, Array.Empty<UnitInstanceHealth>(), times.P95()));
            }
        }

        kinds.Sort(static (a, b) => string.CompareOrdinal(a.Kind, b.Kind));
        TimeSpan? worst = kinds.Max(k => k.P95HandlingTime);
        UnitKindHealth totals = Sum("*", instances, worst);
        long failures = _failures.Sum(now);
        long messages = _messages.Sum(now);
        double errorRate = messages > 0 ? Math.Min(1, (double)failures / messages) : 0;
        var (score, status, reasons) = HealthScoring.Evaluate(_options, _resources, errorRate, totals, worst);
        return new HealthSnapshot(now, status, score, reasons, totals, kinds, instances, _resources, failures, messages, errorRate);
    }

    private static UnitKindHealth Sum(string kind, IEnumerable<UnitInstanceHealth> instances, TimeSpan? p95)
    {
        int live = 0, active = 0, connecting = 0, backingOff = 0, open = 0, stopped = 0, recent = 0;
        long restarts = 0, retries = 0, activations = 0;
        foreach (UnitInstanceHealth i in instances)
        {
            switch (i.State)
            {
                case UnitState.Running: active++; break;
                case UnitState.Starting: connecting++; break;
                case UnitState.BackingOff: backingOff++; break;
                case UnitState.CircuitOpen: open++; break;
                default: stopped++; break;
            }

            if (i.State != UnitState.Stopped)
            {
                live++;
            }

            restarts += i.Restarts;
            retries += i.RetryAttempts;
            recent += i.RecentFailures;
            activations += i.BreakerActivations;
        }

        return new UnitKindHealth(kind, live, active, connecting, backingOff, open, stopped, restarts, retries, recent, activations, p95);
    }

    private sealed class InstanceRecord
    {
        public UnitState State { get; set; }

        public DateTimeOffset Since { get; set; }

        public long Restarts { get; set; }

        public long RetryAttempts { get; set; }

        public long BreakerActivations { get; set; }

        public string? LastFailure { get; set; }

        /// <summary>Failure times, newest last; created on the first failure.</summary>
        public Queue<DateTimeOffset>? Failures { get; set; }
    }

    /// <summary>A ring of the most recent handling times of one kind.</summary>
    private sealed class HandlingTimes(int capacity)
    {
        private readonly long[] _ticks = new long[capacity];
        private long _count;

        public void Add(TimeSpan elapsed) => _ticks[(int)(_count++ % _ticks.Length)] = elapsed.Ticks;

        public TimeSpan? P95()
        {
            int n = (int)Math.Min(_count, _ticks.Length);
            if (n == 0)
            {
                return null;
            }

            long[] sorted = _ticks[..n];
            Array.Sort(sorted);
            int index = Math.Clamp((int)Math.Ceiling(0.95 * n) - 1, 0, n - 1);
            return TimeSpan.FromTicks(sorted[index]);
        }
    }

    private sealed class SampleTick
    {
        public static SampleTick Instance { get; } = new();
    }

    private sealed class PublishTick
    {
        public static PublishTick Instance { get; } = new();
    }
}
