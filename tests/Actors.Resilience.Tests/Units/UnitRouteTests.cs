using Actors.Resilience.Breaker;
using Actors.Resilience.Memory;
using Actors.Resilience.Supervision;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>
/// <see cref="ResilienceRuntime.Tell"/> puts a message straight into a running worker's mailbox once the instance's
/// route is open, and counts it through the region otherwise. Several threads sending at once across crashes and
/// operator stops keep each sender's order; what goes straight still counts as activity and load; refused ids leave no
/// route behind.
/// </summary>
public sealed class UnitRouteTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private const int Senders = 4;
    private const int PerSender = 2000;
    private static readonly string[] s_ids = ["a", "b", "c"];

    private readonly FakeMemoryProbe _memory = new();
    private ResilienceRuntime _runtime = null!;
    private UnitRoutes _idle = null!;

    public async Task InitializeAsync()
    {
        ResilienceOptions options = FakeOptions(memory: _memory);
        IActorRef log = ActorRefs.Nobody;
        options.Kinds.Add(new UnitKindOptions("shared", id => RecordingWorker.Props(id, log))
        {
            MinBackoff = TimeSpan.Zero,
            MaxBackoff = TimeSpan.Zero,
            RandomFactor = 0,
            PassivateAfter = null,
            BufferCapacity = Senders * PerSender, // while a verdict is awaited the streams are buffered: room for all
            Breaker = new CircuitBreakerOptions { MaxFailures = int.MaxValue },
        });
        options.Kinds.Add(new UnitKindOptions("idle", id => RecordingWorker.Props(id, log))
        {
            PassivateAfter = TimeSpan.FromSeconds(10),
            LoadReportInterval = TimeSpan.FromSeconds(5),
        });
        options.Kinds.Add(new UnitKindOptions("own-mailbox", id => RecordingWorker.Props(id, log).WithMailbox("akka.actor.default-mailbox")));
        _runtime = await StartAsync(options);
        _idle = _runtime.RoutesOf("idle")!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ConcurrentSenders_WithCrashesAndOperatorStops_EachSendersMessagesServedOnceInOrder()
    {
        IActorRef region = (await _runtime.GetRegionAsync("shared"))!;
        TestProbe[] probes = Enumerable.Range(0, Senders).Select(s => CreateTestProbe($"sender{s}")).ToArray();
        Task[] senders = Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
        {
            for (int i = 0; i < PerSender; i++)
            {
                _runtime.Tell(new UnitMessage("shared", s_ids[i % s_ids.Length], IsCrash(i) ? "boom" : $"s{s}m{i}"), probes[s].Ref);
                if (s == 0 && i % 400 == 200)
                {
                    // Whatever was put straight into the worker is served before it stops; the rest waits for the next incarnation.
                    region.Tell(new StopUnitInstance(s_ids[i / 400 % s_ids.Length]), ActorRefs.NoSender);
                }
            }
        })).ToArray();
        await Task.WhenAll(senders);

        for (int s = 0; s < Senders; s++)
        {
            var answers = new List<object>(PerSender);
            for (int i = 0; i < PerSender; i++)
            {
                answers.Add(await probes[s].ExpectMsgAsync<object>(Signal));
            }

            await probes[s].ExpectNoMsgAsync(Quiet);
            Assert.Equal(Enumerable.Range(0, PerSender).Count(IsCrash), answers.OfType<UnitWorkerFailed>().Count());
            for (int k = 0; k < s_ids.Length; k++)
            {
                string id = s_ids[k];
                string[] expected = Enumerable.Range(0, PerSender)
                    .Where(i => i % s_ids.Length == k && !IsCrash(i))
                    .Select(i => $"{id}:s{s}m{i}")
                    .ToArray();
                string[] served = answers.OfType<string>().Where(a => a.StartsWith(id + ":", StringComparison.Ordinal)).ToArray();
                Assert.Equal(expected, served);
            }
        }
    }

    [Fact]
    public async Task OpenRoute_MessagesSentStraight_CountInTheLoadReportOnce()
    {
        TestProbe reports = Subscribe<UnitLoadReport>();
        await OpenAsync("x");
        for (int i = 0; i < 100; i++)
        {
            _runtime.Tell(new UnitMessage("idle", "x", $"m{i}"), TestActor);
        }

        for (int i = 0; i < 100; i++)
        {
            await ExpectMsgAsync($"x:m{i}", Signal);
        }

        Assert.True(_idle.IsOpen("x"), "the route stayed open, so the 100 went straight to the worker");
        Advance(TimeSpan.FromSeconds(5));
        UnitLoadReport report = await reports.ExpectMsgAsync<UnitLoadReport>(Signal);
        Assert.Equal(new UnitLoadReport("idle", 101), report); // the first, through the region, and the 100
    }

    [Fact]
    public async Task Passivation_InstanceUsedOnlyThroughItsOpenRoute_IsKeptWhileUsed_ThenPassivated()
    {
        TestProbe events = SubscribeUnitEvents();
        DateTimeOffset created = Scheduler.Now;
        await OpenAsync("p");

        // A message every 4 s for 20 s (passivate-after 10 s, checked every 5 s): all of them sent straight.
        for (int k = 0; k < 5; k++)
        {
            Advance(TimeSpan.FromSeconds(4));
            _runtime.Tell(new UnitMessage("idle", "p", $"m{k}"), TestActor);
            await ExpectMsgAsync($"p:m{k}", Signal);
            Assert.True(_idle.IsOpen("p"));
        }

        UnitInstanceSummary kept = Assert.Single(await ListAsync());
        Assert.Equal(("p", created), (kept.Id, kept.Created));

        AdvanceInSteps(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5));
        await ExpectStateAsync(events, _runtime, "idle", "p", UnitState.Stopped);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task MemoryEmergency_RefusedIds_KeepNoRoute()
    {
        TestProbe actions = Subscribe<MemoryAction>();
        _memory.Ratio = 0.95;
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(MemoryActionKind.Emergency, (await actions.ExpectMsgAsync<MemoryAction>(Signal)).Kind);

        for (int i = 0; i < 50; i++)
        {
            _runtime.Tell(new UnitMessage("idle", $"r{i}", "hi"), TestActor);
        }

        for (int i = 0; i < 50; i++)
        {
            await ExpectMsgAsync<Overloaded>(Signal);
        }

        Assert.Equal(0, _idle.Count);
    }

    [Fact]
    public async Task OpenRoute_MessageWithoutSender_WorkerSeesDeadLetters_AndCarriesOn()
    {
        TestProbe failures = Subscribe<ActorFailed>();
        await OpenAsync("q");
        _runtime.Tell(new UnitMessage("idle", "q", "nobody asks"));
        _runtime.Tell(new UnitMessage("idle", "q", "after"), TestActor);
        await ExpectMsgAsync("q:after", Signal);
        await failures.ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task StopNonCriticalUnits_ToldToARegionDirectly_LeavesItsRoutesFreeToOpen()
    {
        // The public message, not the units guardian's held one: it must not release a hold nobody took.
        IActorRef region = (await _runtime.GetRegionAsync("idle"))!;
        await region.Ask<UnitsAffected>(StopNonCriticalUnits.Instance, Signal);
        await OpenAsync("s");
    }

    [Fact]
    public async Task WorkerWithAMailboxOfItsOwn_IsSentToByItsRegionOnly_AndServes()
    {
        // A sender would have to Tell such a worker inside the route's lock (a bounded mailbox can block there).
        UnitRoutes routes = _runtime.RoutesOf("own-mailbox")!;
        _runtime.Tell(new UnitMessage("own-mailbox", "o", "first"), TestActor);
        await ExpectMsgAsync("o:first", Signal);
        for (int trip = 0; trip < 5; trip++)
        {
            await InspectAsync(_runtime, "own-mailbox", "o");
        }

        Assert.False(routes.IsOpen("o"));
        for (int i = 0; i < 50; i++)
        {
            _runtime.Tell(new UnitMessage("own-mailbox", "o", $"m{i}"), TestActor);
        }

        for (int i = 0; i < 50; i++)
        {
            await ExpectMsgAsync($"o:m{i}", Signal);
        }
    }

    private static bool IsCrash(int i) => i % 211 == 100;

    /// <summary>
    /// Creates instance <paramref name="id"/> of kind <c>idle</c> and waits, by round trips through its region and the
    /// instance (no clock), until the region has opened its route: the grant, probe and confirmation pass one hop per trip.
    /// </summary>
    private async Task OpenAsync(string id)
    {
        _runtime.Tell(new UnitMessage("idle", id, "first"), TestActor);
        await ExpectMsgAsync($"{id}:first", Signal);
        for (int trip = 0; trip < 20 && !_idle.IsOpen(id); trip++)
        {
            await InspectAsync(_runtime, "idle", id);
        }

        Assert.True(_idle.IsOpen(id), $"the route to idle/{id} did not open");
    }

    private async Task<IReadOnlyList<UnitInstanceSummary>> ListAsync()
    {
        IActorRef region = (await _runtime.GetRegionAsync("idle"))!;
        return (await region.Ask<UnitInstanceList>(ListUnitInstances.Instance, Signal)).Instances;
    }
}
