using Actors.Resilience.Breaker;
using Actors.Resilience.Errors;
using Actors.Resilience.Health;
using Actors.Resilience.Memory;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;
using AkkaConfig = Akka.Configuration.Config;

namespace Actors.Resilience.Tests.Support;

/// <summary>
/// The base of the resilience tests: Akka's xunit TestKit on virtual time (Akka.TestKit's <see cref="TestScheduler"/>,
/// or a subclass of it). Nothing here sleeps. Virtual time moves only by <see cref="Advance"/>; before advancing, a test
/// must know that the timer it wants is armed, and it learns that from explicit signals: an event on the event stream
/// published after the timer was armed, or an answer from the actor that armed it (an actor answers only after the turn
/// that armed the timer has ended, see <see cref="InspectAsync"/>). Ask timeouts are real time, not virtual.
/// </summary>
public abstract class ResilienceTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>The Akka.TestKit scheduler, as <c>akka.scheduler.implementation</c> names it.</summary>
    public const string TestSchedulerType = "Akka.TestKit.TestScheduler, Akka.TestKit";

    /// <summary>How long an explicit signal may take (real time): generous, because the machine is shared.</summary>
    protected static readonly TimeSpan Signal = TimeSpan.FromSeconds(10);

    /// <summary>How long "nothing arrives" is watched for (real time): only where the absence is the point.</summary>
    protected static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    protected ResilienceTestKit(ITestOutputHelper? output = null, string? hocon = null, string scheduler = TestSchedulerType, string? systemName = null)
        : base(BuildConfig(hocon, scheduler), systemName, output)
    {
    }

    /// <summary>The virtual clock's scheduler.</summary>
    protected TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private static AkkaConfig BuildConfig(string? hocon, string scheduler) =>
        Akka.Configuration.ConfigurationFactory.ParseString($$"""
            {{hocon ?? string.Empty}}
            akka.scheduler.implementation = "{{scheduler}}"
            akka.loglevel = WARNING
            akka.log-dead-letters = off
            akka.test.single-expect-default = 10s
            """);

    /// <summary>Moves virtual time; timers due by then fire (a repeating one at most once per call).</summary>
    protected void Advance(TimeSpan by) => Scheduler.Advance(by);

    /// <summary>Moves virtual time in steps, so a repeating timer of period <paramref name="step"/> fires once per step.</summary>
    protected void AdvanceInSteps(TimeSpan total, TimeSpan step)
    {
        for (TimeSpan done = TimeSpan.Zero; done < total; done += step)
        {
            Advance(step);
        }
    }

    /// <summary>A probe subscribed to every <typeparamref name="T"/> on the event stream (subscription is immediate).</summary>
    protected TestProbe Subscribe<T>()
    {
        TestProbe probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(T));
        return probe;
    }

    /// <summary>A probe subscribed to the event types the unit tests use as signals.</summary>
    protected TestProbe SubscribeUnitEvents()
    {
        TestProbe probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(UnitStateChanged));
        Sys.EventStream.Subscribe(probe.Ref, typeof(UnitRetryScheduled));
        Sys.EventStream.Subscribe(probe.Ref, typeof(CircuitBreakerStateChanged));
        return probe;
    }

    /// <summary>Options with fake resource and memory probes (the real ones read this machine).</summary>
    protected static ResilienceOptions FakeOptions(FakeResourceProbe? resources = null, FakeMemoryProbe? memory = null)
    {
        var options = new ResilienceOptions();
        options.Health.Probe = resources ?? new FakeResourceProbe();
        options.Memory.Probe = memory ?? new FakeMemoryProbe();
        return options;
    }

    /// <summary>
    /// Starts the runtime and waits until its actors have run <c>PreStart</c> (subscribed to the event stream, armed their
    /// periodic timers): the health aggregator, the error journal, the memory guard and every region answer a question.
    /// </summary>
    protected async Task<ResilienceRuntime> StartAsync(ResilienceOptions options)
    {
        ResilienceRuntime runtime = ResilienceRuntime.Start(Sys, options);
        await ReadyAsync(runtime);
        return runtime;
    }

    /// <summary>Waits until the current incarnations of the runtime's actors and every region have answered once.</summary>
    protected async Task ReadyAsync(ResilienceRuntime runtime)
    {
        await runtime.Health.Ask<HealthSnapshot>(GetHealthSnapshot.Instance, Signal);
        await runtime.Errors.Ask<ErrorStats>(GetErrorStats.Instance, Signal);
        await runtime.Memory.Ask<MemoryStatus>(GetMemoryStatus.Instance, Signal);
        UnitRegions regions = await runtime.Units.Ask<UnitRegions>(GetUnitRegions.Instance, Signal);
        foreach (UnitRegionRef region in regions.Regions)
        {
            await region.Region!.Ask<UnitInstanceList>(ListUnitInstances.Instance, Signal);
        }
    }

    /// <summary>
    /// Asks an instance for its account of itself through its region. Also a phase barrier: the instance answers only
    /// after the turn that published the last event the test saw has ended, so the timers that turn armed are armed.
    /// </summary>
    protected async Task<UnitInstanceInfo> InspectAsync(ResilienceRuntime runtime, string kind, string id)
    {
        IActorRef region = (await runtime.GetRegionAsync(kind))!;
        object answer = await region.Ask<object>(new GetUnitInstance(id), Signal);
        return Assert.IsType<UnitInstanceInfo>(answer);
    }

    /// <summary>Waits for <paramref name="id"/> to enter <paramref name="state"/> (skipping other events), then for the turn that did it to end.</summary>
    protected async Task<UnitStateChanged> ExpectStateAsync(TestProbe events, ResilienceRuntime runtime, string kind, string id, UnitState state)
    {
        UnitStateChanged changed = await events.FishForMessageAsync<UnitStateChanged>(
            c => c.Kind == kind && c.Id == id && c.State == state, Signal, $"{kind}/{id} entering {state}");
        if (state != UnitState.Stopped)
        {
            await InspectAsync(runtime, kind, id);
        }

        return changed;
    }

    /// <summary>Waits for a breaker state change of <paramref name="name"/> (kind/id) to <paramref name="to"/>; its reset timer is armed before it is published.</summary>
    protected static async Task<CircuitBreakerStateChanged> ExpectBreakerAsync(TestProbe events, string name, CircuitBreakerState to) =>
        await events.FishForMessageAsync<CircuitBreakerStateChanged>(c => c.Name == name && c.To == to, Signal, $"breaker {name} to {to}");

    /// <summary>Sends <paramref name="message"/> to a unit through <c>/user/units</c> with <paramref name="sender"/> as the sender.</summary>
    protected static void Send(ResilienceRuntime runtime, string kind, string id, object message, IActorRef sender) =>
        runtime.Units.Tell(new UnitMessage(kind, id, message), sender);
}
