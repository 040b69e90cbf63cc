using Actors.Resilience.Breaker;
using Actors.Resilience.Supervision;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>Workers that stash, stop themselves, or whose breaker fails; messages that cannot be routed.</summary>
public sealed class UnitWorkerLifecycleTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _events = SubscribeUnitEvents();
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("stash", StashingWorker.Props) { MinBackoff = TimeSpan.FromSeconds(1), RandomFactor = 0 });
        options.Kinds.Add(new UnitKindOptions("filtered", id => StashingWorker.Props(id))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = 3, ExceptionFilter = static _ => throw new InvalidOperationException("filter bug") },
        });
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Deliver_StashingWorker_StartsOnTheWorkerMailboxAndUnstashesInOrder()
    {
        Send(_runtime, "stash", "a", "1", TestActor);
        Send(_runtime, "stash", "a", "2", TestActor);
        await ExpectNoMsgAsync(Quiet);
        Send(_runtime, "stash", "a", "open", TestActor);
        await ExpectMsgAsync("a:1");
        await ExpectMsgAsync("a:2");
        Assert.Equal(UnitState.Running, (await InspectAsync(_runtime, "stash", "a")).State);
    }

    [Fact]
    public async Task WorkerStopsItself_MessagesSentMeanwhile_ReachTheNextIncarnation()
    {
        Send(_runtime, "stash", "a", "open", TestActor);
        Send(_runtime, "stash", "a", "quit", TestActor);
        Send(_runtime, "stash", "a", "after", TestActor); // queued behind "quit": handed back, then to a new worker
        Send(_runtime, "stash", "a", "open", TestActor);
        await ExpectStateAsync(_events, _runtime, "stash", "a", UnitState.Stopped);
        await ExpectMsgAsync("a:after");
        Send(_runtime, "stash", "a", "later", TestActor);
        await ExpectMsgAsync("a:later");
    }

    [Fact]
    public async Task BreakerFails_ItsFilterThrows_BreakerRestartsAndTheWorkerIsRestartedAfterItsBackoff()
    {
        var retries = Subscribe<UnitRetryScheduled>();
        var failures = Subscribe<ActorFailed>();
        for (int round = 1; round <= 3; round++)
        {
            // A worker failure is reported to the breaker, whose filter throws: the breaker actor fails and Akka
            // restarts it. The instance is never left waiting for a verdict that will not come.
            Send(_runtime, "filtered", "a", "open", TestActor);
            Send(_runtime, "filtered", "a", "boom", TestActor);
            await ExpectMsgAsync<UnitWorkerFailed>();
            await failures.FishForMessageAsync<ActorFailed>(f => f.Child.Path.Name == "breaker", Signal);
            await retries.FishForMessageAsync<UnitRetryScheduled>(r => r.Id == "a", Signal);
            await InspectAsync(_runtime, "filtered", "a");
            Advance(TimeSpan.FromSeconds(1 << (round - 1))); // 1 s, 2 s, 4 s: the backoff doubles
            Send(_runtime, "filtered", "a", "open", TestActor);
            Send(_runtime, "filtered", "a", $"r{round}", TestActor);
            await ExpectMsgAsync($"a:r{round}");
        }
    }

    [Theory]
    [InlineData(null, "hi")]
    [InlineData("", "hi")]
    [InlineData("a", null)]
    public async Task Route_MissingIdOrMessage_RefusedWithStatusFailure_KindKeepsServing(string? id, string? message)
    {
        Send(_runtime, "stash", "b", "open", TestActor);
        _runtime.Units.Tell(new UnitMessage("stash", id!, message!), TestActor);
        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.IsType<ArgumentException>(failure.Cause);
        Send(_runtime, "stash", "b", "still", TestActor);
        await ExpectMsgAsync("b:still");
    }

    [Fact]
    public async Task Route_NullKind_RefusedWithStatusFailure()
    {
        _runtime.Tell(new UnitMessage(null!, "a", "hi"), TestActor);
        Assert.IsType<ArgumentException>((await ExpectMsgAsync<Status.Failure>()).Cause);
    }
}
