using Actors.Resilience.Breaker;
using Actors.Resilience.Errors;
using Actors.Resilience.Supervision;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.Dispatch;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>
/// What a restart tells, and in which order: the failure is published once, before the restart's own notices; the
/// restarted worker answers the instance's readiness probe before its backlog; the observers run on their own dispatcher.
/// </summary>
public sealed class RestartOrderTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private ResilienceRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("zero", id => RecordingWorker.Props(id, ActorRefs.Nobody))
        {
            MinBackoff = TimeSpan.Zero,
            MaxBackoff = TimeSpan.Zero,
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = 100 },
        });
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ZeroBackoffRestart_NoticesInOrder_FailureOnceFirst_ThenStartingRetryRunning()
    {
        TestProbe started = SubscribeUnitEvents();
        Send(_runtime, "zero", "a", "hi", TestActor);
        await ExpectMsgAsync("a:hi");
        await ExpectStateAsync(started, _runtime, "zero", "a", UnitState.Running);

        TestProbe events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(ActorFailed));
        Sys.EventStream.Subscribe(events.Ref, typeof(UnitRetryScheduled));
        Sys.EventStream.Subscribe(events.Ref, typeof(UnitStateChanged));
        Send(_runtime, "zero", "a", "boom", TestActor);
        Send(_runtime, "zero", "a", "after", TestActor);
        Assert.Equal("boom", (await ExpectMsgAsync<UnitWorkerFailed>()).Message);
        await ExpectMsgAsync("a:after"); // the restarted worker serves the message queued behind the failure

        // Everything the instance tells about one failure comes in the order it happened, the failure once.
        ActorFailed failed = await events.ExpectMsgAsync<ActorFailed>(Signal);
        Assert.Equal(("boom", Directive.Restart), (failed.Cause.Message, failed.Directive));
        Assert.Equal(UnitState.Starting, (await events.ExpectMsgAsync<UnitStateChanged>(Signal)).State);
        Assert.Equal(new UnitRetryScheduled("zero", "a", 1, TimeSpan.Zero), await events.ExpectMsgAsync<UnitRetryScheduled>(Signal));
        Assert.Equal(UnitState.Running, (await events.ExpectMsgAsync<UnitStateChanged>(Signal)).State);
        await events.ExpectNoMsgAsync(Quiet);

        ErrorStats stats = await _runtime.Errors.Ask<ErrorStats>(GetErrorStats.Instance, Signal);
        Assert.Equal(1, stats.Total);
        UnitInstanceInfo info = await InspectAsync(_runtime, "zero", "a");
        Assert.Equal((UnitState.Running, 1L), (info.State, info.Failures));
    }

    [Fact]
    public async Task RepeatedZeroBackoffFailures_EveryFailureIsPublishedAndTheBreakerCountsThem()
    {
        TestProbe failures = Subscribe<ActorFailed>();
        for (int i = 1; i <= 5; i++)
        {
            Send(_runtime, "zero", "a", "boom", TestActor);
        }

        Send(_runtime, "zero", "a", "last", TestActor);
        for (int i = 1; i <= 5; i++)
        {
            await ExpectMsgAsync<UnitWorkerFailed>();
        }

        await ExpectMsgAsync("a:last");
        for (int i = 1; i <= 5; i++)
        {
            await failures.ExpectMsgAsync<ActorFailed>(Signal);
        }

        await failures.ExpectNoMsgAsync(Quiet);
        Assert.Equal(5, (await _runtime.Errors.Ask<ErrorStats>(GetErrorStats.Instance, Signal)).Total);
        UnitInstanceInfo info = await InspectAsync(_runtime, "zero", "a");
        Assert.Equal((UnitState.Running, 5L, CircuitBreakerState.Closed), (info.State, info.Failures, info.Breaker));
    }

    [Fact]
    public void WorkerQueue_LatestReadinessProbe_IsServedBeforeQueuedMessages_OtherIdentifiesKeepTheirPlace()
    {
        var queue = new WorkerMessageQueue();
        queue.Enqueue(TestActor, new Envelope("1", TestActor));
        queue.Enqueue(TestActor, new Envelope(new Identify(42), TestActor));
        queue.Enqueue(TestActor, new Envelope("2", TestActor));
        queue.Enqueue(TestActor, new Envelope(new Identify(new ReadyProbe(2, MarksReady: false)), TestActor));
        var probe = new Identify(new ReadyProbe(3, MarksReady: true));
        queue.Enqueue(TestActor, new Envelope(probe, TestActor)); // a newer probe replaces the older one
        Assert.Equal(4, queue.Count);

        var served = new List<object>();
        while (queue.TryDequeue(out Envelope envelope))
        {
            served.Add(envelope.Message);
        }

        Assert.Equal([probe, "1", new Identify(42), "2"], served);
        Assert.False(queue.HasMessages);
    }

    [Fact]
    public async Task Observers_RunOnTheirOwnDispatcher_WorkersOnTheDefault()
    {
        Send(_runtime, "zero", "a", "hi", TestActor);
        await ExpectMsgAsync("a:hi");
        Assert.Equal(ObserversDispatcher.Id, Dispatcher(_runtime.Health));
        Assert.Equal(ObserversDispatcher.Id, Dispatcher(_runtime.Errors));
        Assert.Equal("ForkJoinDispatcher", Sys.Settings.Config.GetString($"{ObserversDispatcher.Id}.type"));
        Assert.Equal(1, Sys.Settings.Config.GetInt($"{ObserversDispatcher.Id}.dedicated-thread-pool.thread-count"));
        IActorRef worker = await Sys.ActorSelection("/user/units/zero/a/worker").ResolveOne(Signal);
        Assert.NotEqual(ObserversDispatcher.Id, Dispatcher(worker));
    }

    private static string Dispatcher(IActorRef actor) => ((ActorRefWithCell)actor).Underlying.Props.Dispatcher;
}
