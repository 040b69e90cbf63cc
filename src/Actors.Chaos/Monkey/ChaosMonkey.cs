using System.Globalization;
using Actors.Chaos.Configuration;
using Actors.Chaos.Faults;
using Actors.Resilience.Health;

namespace Actors.Chaos.Monkey;

/// <summary>
/// The chaos monkey at <c>/user/chaos</c>. While running, a periodic timer of the actor system's scheduler fires
/// <see cref="ChaosOptions.RatePerSecond"/> times a second; each tick picks a fault by weight and starts its injection
/// (at most <see cref="MaxInFlight"/> at once; a tick beyond that counts as skipped). It counts injections per fault
/// and keeps the last attempts. <see cref="StopChaos"/> cancels the timer, waits for the injections in flight, then
/// clears every fault's standing effects, and only then answers. It also runs every fault's clear once when it starts,
/// before any injection, for faults that keep state beyond the process (the node's upstream faults do not need it:
/// they carry their own expiry, so a node killed during chaos leaves nothing standing for long).
/// </summary>
/// <remarks>Threading contract: all state is touched on this actor's turn only; faults run off it and report back by message.</remarks>
internal sealed class ChaosMonkey : UntypedActor, IWithTimers, IWithUnboundedStash
{
    public const int MaxInFlight = 4;

    private const string TickKey = "tick";

    private readonly ChaosOptions _options;
    private readonly IReadOnlyList<IChaosFault> _faults;
    private readonly double[] _weights;
    private readonly Random _random;
    private readonly Dictionary<string, long> _byFault = new(StringComparer.Ordinal);
    private readonly LinkedList<ChaosInjectionRecord> _recent = new();
    private readonly HashSet<Task> _inFlight = [];
    private readonly List<IActorRef> _stopRequesters = [];
    private bool _running;
    private double _rate;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _stoppedAt;
    private long _injected;
    private long _skipped;
    private long _failed;
    private IReadOnlyList<string> _clearErrors = [];

    public ChaosMonkey(ChaosOptions options)
    {
        _options = options;
        _faults = options.Faults;
        _weights = _faults.Select(options.WeightOf).ToArray();
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
        _rate = options.RatePerSecond;
        foreach (IChaosFault f in _faults)
        {
            _byFault[f.Name] = 0;
        }
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public IStash Stash { get; set; } = null!;

    public static Props Props(ChaosOptions options) => Akka.Actor.Props.Create(() => new ChaosMonkey(options));

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    /// <summary>
    /// Runs every fault's clear once (see the class remarks), then, with <see cref="ChaosOptions.EnabledAtStart"/>, injects:
    /// the status says running from now on, and the first tick comes one period after the clear.
    /// </summary>
    protected override void PreStart()
    {
        if (_options.EnabledAtStart)
        {
            _running = true;
            _startedAt = Now;
            Context.GetLogger().Warning("Chaos enabled at start: {0}", ChaosRate.Format(_rate));
        }

        BeginClear(stopping: false);
        PublishCounters();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case StartChaos start:
                Start(start);
                break;
            case StopChaos:
                _stopRequesters.Add(Sender);
                BeginClear(stopping: true);
                break;
            case GetChaosStatus:
                Sender.Tell(Status());
                break;
            case Tick:
                OnTick();
                break;
            case InjectionDone done:
                OnDone(done);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>While clearing: status answered, injections counted, start and stop wait until the faults are cleared.</summary>
    private void Clearing(object message)
    {
        switch (message)
        {
            case StartChaos or StopChaos:
                Stash.Stash();
                break;
            case GetChaosStatus:
                Sender.Tell(Status());
                break;
            case InjectionDone done:
                OnDone(done);
                break;
            case Cleared cleared:
                _clearErrors = cleared.Errors;
                foreach (IActorRef requester in _stopRequesters)
                {
                    requester.Tell(Status());
                }

                _stopRequesters.Clear();
                if (_running)
                {
                    Timers.StartPeriodicTimer(TickKey, Tick.Instance, TimeSpan.FromSeconds(1 / _rate)); // enabled at start
                }

                Become(OnReceive);
                Stash.UnstashAll();
                break;
            case Tick:
                break; // a tick queued before the timer was cancelled
            default:
                Unhandled(message);
                break;
        }
    }

    private void Start(StartChaos start)
    {
        double rate = start.RatePerSecond ?? _rate;
        if (!ChaosRate.IsAllowed(rate))
        {
            Sender.Tell(new ChaosRefused(string.Create(CultureInfo.InvariantCulture, $"rate {rate} faults per second is outside the allowed range: {ChaosRate.AllowedText}")));
            return;
        }

        if (_weights.All(w => w <= 0))
        {
            Sender.Tell(new ChaosRefused($"every fault is off (actors.chaos.faults): nothing to inject. Registered: {string.Join(", ", _faults.Select(f => f.Name))}"));
            return;
        }

        bool changed = !_running || rate != _rate;
        _rate = rate;
        if (!_running)
        {
            _running = true;
            _startedAt = Now;
            Context.GetLogger().Warning("Chaos started: {0} from {1}", ChaosRate.Format(rate), string.Join(", ", _faults.Where((_, i) => _weights[i] > 0).Select(f => f.Name)));
        }

        if (changed)
        {
            Timers.StartPeriodicTimer(TickKey, Tick.Instance, TimeSpan.FromSeconds(1 / rate));
        }

        PublishCounters();
        Sender.Tell(Status());
    }

    private void BeginClear(bool stopping)
    {
        if (stopping && _running)
        {
            _running = false;
            _stoppedAt = Now;
            Context.GetLogger().Warning("Chaos stopping: clearing standing faults ({0} injected so far)", _injected);
            PublishCounters();
        }

        Timers.Cancel(TickKey);
        Become(Clearing);
        Task[] inFlight = [.. _inFlight];
        ClearAll(Context.System, inFlight, _faults, _options.InjectionTimeout).PipeTo(Self);
    }

    private static async Task<Cleared> ClearAll(ActorSystem system, Task[] inFlight, IReadOnlyList<IChaosFault> faults, TimeSpan timeout)
    {
        var errors = new List<string>();
        try
        {
            // Injections report their own failures; here they only have to be over, so nothing they do lands after the clear.
            await Task.WhenAll(inFlight).WaitAsync(timeout + timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            errors.Add($"{inFlight.Count(t => !t.IsCompleted)} injection(s) still running after {(timeout + timeout).TotalSeconds:0} s");
        }

        // In parallel, each bounded by the timeout: a stop answers within three timeouts at most.
        string?[] failures = await Task.WhenAll(faults.Select(f => ClearOne(system, f, timeout))).ConfigureAwait(false);
        errors.AddRange(failures.OfType<string>());
        return new Cleared(errors);
    }

    private static async Task<string?> ClearOne(ActorSystem system, IChaosFault fault, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await fault.ClearAsync(system, cts.Token).AsTask().WaitAsync(timeout).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            return $"{fault.Name}: {e.GetType().Name}: {e.Message}";
        }
    }

    private void OnTick()
    {
        if (!_running)
        {
            return;
        }

        int index = WeightedPick.Pick(_weights, _random);
        if (index < 0)
        {
            return;
        }

        IChaosFault fault = _faults[index];
        if (_inFlight.Count >= MaxInFlight)
        {
            Record(new ChaosInjectionRecord(Now, fault.Name, string.Empty, $"{MaxInFlight} injections still in flight: tick skipped", ChaosInjectionOutcome.Skipped));
            return;
        }

        var context = new ChaosContext(Context.System, new Random(_random.Next()), Now, CancellationToken.None);
        Task<InjectionDone> task = Inject(fault, context, _options.InjectionTimeout);
        _inFlight.Add(task);
        task.PipeTo(Self);
    }

    private static async Task<InjectionDone> Inject(IChaosFault fault, ChaosContext context, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            ChaosInjection result = await fault.InjectAsync(context with { CancellationToken = cts.Token }).AsTask().WaitAsync(timeout).ConfigureAwait(false);
            return new InjectionDone(new ChaosInjectionRecord(context.Now, fault.Name, result.Target, result.Detail, result.Injected ? ChaosInjectionOutcome.Injected : ChaosInjectionOutcome.Skipped));
        }
        catch (Exception e)
        {
            Exception shown = e is AggregateException { InnerException: { } inner } ? inner : e;
            string detail = shown is TimeoutException or OperationCanceledException
                ? $"did not finish within {timeout.TotalSeconds:0.#} s (actors.chaos.injection-timeout)"
                : $"{shown.GetType().Name}: {shown.Message}";
            return new InjectionDone(new ChaosInjectionRecord(context.Now, fault.Name, string.Empty, detail, ChaosInjectionOutcome.Failed));
        }
    }

    private void OnDone(InjectionDone done)
    {
        _inFlight.RemoveWhere(t => t.IsCompleted);
        Record(done.Record);
    }

    private void Record(ChaosInjectionRecord record)
    {
        switch (record.Outcome)
        {
            case ChaosInjectionOutcome.Injected:
                _injected++;
                _byFault[record.Fault] = _byFault.GetValueOrDefault(record.Fault) + 1;
                break;
            case ChaosInjectionOutcome.Skipped:
                _skipped++;
                break;
            default:
                _failed++;
                Context.GetLogger().Warning("Chaos fault {0} failed to inject: {1}", record.Fault, record.Detail);
                break;
        }

        _recent.AddFirst(record);
        while (_recent.Count > _options.RecentCapacity)
        {
            _recent.RemoveLast();
        }

        Context.System.EventStream.Publish(record);
        PublishCounters();
    }

    /// <summary>
    /// Chaos's state in health (owner <c>chaos</c>: <c>running</c> 1 or 0, <c>injected</c>, <c>skipped</c>,
    /// <c>failed</c>), so a health watcher such as the dashboard sees chaos start and stop without asking.
    /// </summary>
    private void PublishCounters() => Context.System.EventStream.Publish(new WorkloadCounters("chaos", new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["running"] = _running ? 1 : 0,
        ["injected"] = _injected,
        ["skipped"] = _skipped,
        ["failed"] = _failed,
    }));

    private ChaosStatus Status() => new(
        _running,
        _rate,
        _startedAt,
        _stoppedAt,
        _injected,
        _skipped,
        _failed,
        new Dictionary<string, long>(_byFault, StringComparer.Ordinal),
        [.. _recent],
        _options.RecentCapacity,
        [.. _faults.Select((f, i) => new ChaosFaultInfo(f.Name, f.Description, _weights[i]))],
        _clearErrors);

    /// <summary>Time for the next injection.</summary>
    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }

    /// <summary>An injection finished (its task is then complete and leaves the in-flight set).</summary>
    private sealed record InjectionDone(ChaosInjectionRecord Record);

    /// <summary>Every fault was cleared; what failed to.</summary>
    private sealed record Cleared(IReadOnlyList<string> Errors);
}
