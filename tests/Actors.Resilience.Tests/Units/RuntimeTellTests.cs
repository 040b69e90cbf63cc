using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary><see cref="ResilienceRuntime.Tell"/>: the path that skips the units guardian.</summary>
public sealed class RuntimeTellTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private TestProbe _starts = null!;
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _starts = CreateTestProbe("starts");
        _events = SubscribeUnitEvents();
        IActorRef starts = _starts.Ref;
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(new UnitKindOptions("session", id => FlakyWorker.Props(id, starts, failOnStart: false))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            PassivateAfter = TimeSpan.FromMinutes(1),
        });
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Tell_ManyMessagesToOneInstance_CreatesItOnceAndKeepsTheirOrder()
    {
        for (int i = 0; i < 200; i++)
        {
            _runtime.Tell(new UnitMessage("session", "a", $"m{i}"), TestActor);
        }

        for (int i = 0; i < 200; i++)
        {
            await ExpectMsgAsync($"a:m{i}");
        }

        await _starts.ExpectMsgAsync("started:a");
        await _starts.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Tell_UnknownKind_AnsweredUnknownUnitKind()
    {
        _runtime.Tell(new UnitMessage("nope", "x", "hi"), TestActor);
        Assert.Equal(new UnknownUnitKind("nope"), await ExpectMsgAsync<UnknownUnitKind>());
    }

    [Fact]
    public async Task Tell_AfterPassivation_TheNextMessageCreatesTheInstanceAnew()
    {
        _runtime.Tell(new UnitMessage("session", "a", "1"), TestActor);
        await ExpectMsgAsync("a:1");
        await _starts.ExpectMsgAsync("started:a");

        // Messages sent straight to the instance count as activity: it is not passivated while they arrive. The
        // region checks every 30 s (half of passivate-after) for instances idle 60 s or more.
        Advance(TimeSpan.FromSeconds(40));
        _runtime.Tell(new UnitMessage("session", "a", "2"), TestActor);
        await ExpectMsgAsync("a:2");
        Advance(TimeSpan.FromSeconds(30)); // the check at 60 s: idle for 20 s
        Assert.Single((await new UnitOperations(_runtime).List("session"))!.Instances);

        AdvanceInSteps(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)); // checks at 90 s (idle 50 s) and 120 s (idle 80 s)
        await ExpectStateAsync(_events, _runtime, "session", "a", UnitState.Stopped);
        _runtime.Tell(new UnitMessage("session", "a", "3"), TestActor);
        await ExpectMsgAsync("a:3");
        await _starts.ExpectMsgAsync("started:a");
    }
}
