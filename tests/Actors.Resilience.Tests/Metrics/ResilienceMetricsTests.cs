using Actors.Resilience.Breaker;
using Actors.Resilience.Metrics;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Metrics;

/// <summary>
/// The Actors.Resilience meter moves with the events, on virtual time: each test runs on an actor system of its own
/// name and reads only the measurements tagged with it. The recorder is an actor: before reading, a test waits for it
/// to have handled every event published so far (<see cref="RecordedAsync"/>).
/// </summary>
public sealed class ResilienceMetricsTests : ResilienceTestKit, IAsyncLifetime, IDisposable
{
    private const string Kind = "feed";
    private const string Failing = "conn";
    private const string Boom = "System.InvalidOperationException";
    private readonly MeterCollector _meter;
    private TestProbe _started = null!;
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;

    public ResilienceMetricsTests(ITestOutputHelper output)
        : base(output, systemName: "metrics-" + Guid.NewGuid().ToString("N")[..8])
    {
        _meter = new MeterCollector(ResilienceMeter.Name, ResilienceMeter.SystemTag, Sys.Name);
    }

    public async Task InitializeAsync()
    {
        _started = CreateTestProbe("started");
        _events = SubscribeUnitEvents();
        IActorRef started = _started.Ref;
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions(Kind, id => FlakyWorker.Props(id, started))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = 2, ResetTimeout = TimeSpan.FromMinutes(1) },
        });
        options.Kinds.Add(new UnitKindOptions(Failing, id => FlakyWorker.Props(id, started, failOnStart: true))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = 2, ResetTimeout = TimeSpan.FromMinutes(1) },
        });
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    void IDisposable.Dispose()
    {
        _meter.Dispose();
        Dispose();
    }

    [Fact]
    public async Task WorkerFails_TwiceRecoveringBetween_FailuresByExceptionTypeAndRestartsCountedNoBreakerTransition()
    {
        await RunningAsync("a");
        await FailAsync("a", UnitState.BackingOff);
        await RecordedAsync();
        Assert.Equal(1, _meter.Sum(ResilienceMeter.Failures, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.ExceptionTypeTag, Boom)));
        Assert.Equal(1, _meter.Sum(ResilienceMeter.Restarts, (ResilienceMeter.KindTag, Kind)));

        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(_events, _runtime, Kind, "a", UnitState.Running);
        await FailAsync("a", UnitState.BackingOff);
        await RecordedAsync();
        Assert.Equal(2, _meter.Sum(ResilienceMeter.Failures, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.ExceptionTypeTag, Boom)));
        Assert.Equal(2, _meter.Sum(ResilienceMeter.Restarts, (ResilienceMeter.KindTag, Kind)));
        Assert.Equal(0, _meter.Sum(ResilienceMeter.Failures, (ResilienceMeter.ExceptionTypeTag, "System.IO.IOException")));
        Assert.Equal(0, _meter.Sum(ResilienceMeter.BreakerTransitions));
    }

    [Fact]
    public async Task WorkerNeverStarts_BreakerOpensHalfOpensAndOpensAgain_FailuresUnwrappedAndEachTransitionCountedByTargetState()
    {
        await CircuitOpenAsync("x");
        await RecordedAsync();
        Assert.Equal(2, _meter.Sum(ResilienceMeter.Failures, (ResilienceMeter.KindTag, Failing), (ResilienceMeter.ExceptionTypeTag, "System.IO.IOException")));
        Assert.Equal(1, _meter.Sum(ResilienceMeter.Restarts, (ResilienceMeter.KindTag, Failing)));
        Assert.Equal(1, _meter.Sum(ResilienceMeter.BreakerTransitions, (ResilienceMeter.KindTag, Failing), (ResilienceMeter.StateTag, "open")));
        Assert.Equal(1, _meter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Failing), (ResilienceMeter.StateTag, "circuit_open")));

        // The open period ends: half-open, the probe (a new worker) fails at start, the breaker opens again.
        Advance(TimeSpan.FromMinutes(1));
        await ExpectBreakerAsync(_events, $"{Failing}/x", CircuitBreakerState.HalfOpen);
        await ExpectBreakerAsync(_events, $"{Failing}/x", CircuitBreakerState.Open);
        await ExpectStateAsync(_events, _runtime, Failing, "x", UnitState.CircuitOpen);
        await RecordedAsync();
        Assert.Equal(2, _meter.Sum(ResilienceMeter.BreakerTransitions, (ResilienceMeter.KindTag, Failing), (ResilienceMeter.StateTag, "open")));
        Assert.Equal(1, _meter.Sum(ResilienceMeter.BreakerTransitions, (ResilienceMeter.KindTag, Failing), (ResilienceMeter.StateTag, "half_open")));
        Assert.Equal(0, _meter.Sum(ResilienceMeter.BreakerTransitions, (ResilienceMeter.KindTag, Failing), (ResilienceMeter.StateTag, "closed")));
        Assert.Equal(3, _meter.Sum(ResilienceMeter.Failures, (ResilienceMeter.KindTag, Failing)));
    }

    [Fact]
    public async Task InstancesChangeState_GaugeCountsEachKindAndStateAndForgetsStopped()
    {
        await RunningAsync("a");
        await RunningAsync("b");
        await RecordedAsync();
        Assert.Equal(2, _meter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "running")));

        await FailAsync("a", UnitState.BackingOff);
        await RecordedAsync();
        Assert.Equal(1, _meter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "running")));
        Assert.Equal(1, _meter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "backing_off")));

        (await _runtime.GetRegionAsync(Kind))!.Tell(new StopUnitInstance("b"));
        await ExpectStateAsync(_events, _runtime, Kind, "b", UnitState.Stopped);
        await RecordedAsync();
        Assert.Equal(0, _meter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "running")));
        Assert.Equal(1, _meter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "backing_off")));
        Assert.Equal(0, _meter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "stopped")));
    }

    [Fact]
    public async Task MessagesArriveWhileBackingOff_BufferedGaugeCountsThemUntilTheRestartDeliversThem()
    {
        await RunningAsync("a");
        await FailAsync("a", UnitState.BackingOff);
        Send(_runtime, Kind, "a", "x1", TestActor);
        Send(_runtime, Kind, "a", "x2", TestActor);
        Assert.Equal(2, (await InspectAsync(_runtime, Kind, "a")).BufferedMessages);
        Assert.Equal(2, _meter.Observe(ResilienceMeter.Buffered, (ResilienceMeter.KindTag, Kind)));

        Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("a:x1");
        await ExpectMsgAsync("a:x2");
        Assert.Equal(0, (await InspectAsync(_runtime, Kind, "a")).BufferedMessages);
        Assert.Equal(0, _meter.Observe(ResilienceMeter.Buffered, (ResilienceMeter.KindTag, Kind)));
    }

    [Fact]
    public async Task TwoSystemsInOneProcess_EachFails_EachSeesOnlyItsOwnSeriesAndATerminatedSystemLeavesTheGauges()
    {
        string otherName = "metrics-other-" + Guid.NewGuid().ToString("N")[..8];
        ActorSystem other = ActorSystem.Create(otherName, Sys.Settings.Config);
        using var otherMeter = new MeterCollector(ResilienceMeter.Name, ResilienceMeter.SystemTag, otherName);
        TestProbe otherEvents = CreateTestProbe(other);
        other.EventStream.Subscribe(otherEvents.Ref, typeof(UnitStateChanged));
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions(Kind, id => FlakyWorker.Props(id, otherEvents.Ref)) { MinBackoff = TimeSpan.FromSeconds(1), RandomFactor = 0 });
        ResilienceRuntime otherRuntime = ResilienceRuntime.Start(other, options);

        TestProbe client = CreateTestProbe(other);
        Send(otherRuntime, Kind, "a", "boom", client.Ref);
        await otherEvents.FishForMessageAsync<UnitStateChanged>(c => c.Id == "a" && c.State == UnitState.BackingOff, Signal);
        await other.ActorSelection("/system/resilience-metrics").Ask<ActorIdentity>(new Identify(null), Signal);
        await RecordedAsync();

        Assert.Equal(1, otherMeter.Sum(ResilienceMeter.Failures, (ResilienceMeter.KindTag, Kind)));
        Assert.Equal(0, _meter.Sum(ResilienceMeter.Failures, (ResilienceMeter.KindTag, Kind)));
        Assert.Equal(1, otherMeter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "backing_off")));
        Assert.Equal(0, _meter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "backing_off")));

        await other.Terminate();
        Assert.Equal(0, otherMeter.Observe(ResilienceMeter.Instances, (ResilienceMeter.KindTag, Kind), (ResilienceMeter.StateTag, "backing_off")));
        Assert.Empty(otherMeter.Values(ResilienceMeter.Instances));
    }

    private async Task RunningAsync(string id)
    {
        Send(_runtime, Kind, id, "hello", TestActor);
        await ExpectMsgAsync($"{id}:hello");
        await ExpectStateAsync(_events, _runtime, Kind, id, UnitState.Running);
    }

    private async Task FailAsync(string id, UnitState then)
    {
        Send(_runtime, Kind, id, "boom", TestActor);
        await ExpectMsgAsync<UnitWorkerFailed>();
        await ExpectStateAsync(_events, _runtime, Kind, id, then);
    }

    /// <summary>An instance of the failing kind: its worker fails at start, backs off, fails again and opens the breaker.</summary>
    private async Task CircuitOpenAsync(string id)
    {
        Send(_runtime, Failing, id, "hello", TestActor);
        await ExpectStateAsync(_events, _runtime, Failing, id, UnitState.BackingOff);
        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(_events, _runtime, Failing, id, UnitState.CircuitOpen);
    }

    /// <summary>
    /// A phase barrier: the recorder answers an Identify only after every event already in its mailbox (the events the
    /// test has seen were published, so delivered to it, before this question was sent).
    /// </summary>
    private async Task RecordedAsync() =>
        await Sys.ActorSelection("/system/resilience-metrics").Ask<ActorIdentity>(new Identify(null), Signal);
}
