using Actors.Resilience.Breaker;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>
/// The region sends straight to a running worker once its instance has granted it (one hop less), and through the
/// instance again from the moment the worker fails, stops or is retired. These streams cross those switches many times
/// from one sender: every message is answered exactly once and in the order sent.
/// </summary>
public sealed class DirectRoutingTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private const int Count = 3000;

    private ResilienceRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        ResilienceOptions options = FakeOptions();
        IActorRef log = ActorRefs.Nobody;
        options.Kinds.Add(new UnitKindOptions("healing", id => RecordingWorker.Props(id, log))
        {
            MinBackoff = TimeSpan.Zero,
            MaxBackoff = TimeSpan.Zero,
            RandomFactor = 0,
            PassivateAfter = null,
            BufferCapacity = Count, // while a verdict is awaited the stream is buffered: room for all of it
            Breaker = new CircuitBreakerOptions { MaxFailures = int.MaxValue },
        });
        options.Kinds.Add(new UnitKindOptions("fragile", id => RecordingWorker.Props(id, log))
        {
            MinBackoff = TimeSpan.Zero,
            MaxBackoff = TimeSpan.Zero,
            RandomFactor = 0,
            PassivateAfter = null,
            BufferCapacity = Count,
            Breaker = new CircuitBreakerOptions { MaxFailures = 1, ResetTimeout = TimeSpan.FromMinutes(1) },
        });
        options.Kinds.Add(new UnitKindOptions("quitting", StashingWorker.Props) { PassivateAfter = null, BufferCapacity = Count });
        _runtime = await StartAsync(options);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Stream_WithCrashesEveryFewMessages_EachAnsweredOnceInOrder()
    {
        for (int i = 0; i < Count; i++)
        {
            _runtime.Tell(new UnitMessage("healing", "a", i % 97 == 50 ? "boom" : $"m{i}"), TestActor);
        }

        for (int i = 0; i < Count; i++)
        {
            if (i % 97 == 50)
            {
                await ExpectMsgAsync<UnitWorkerFailed>(Signal);
            }
            else
            {
                await ExpectMsgAsync($"a:m{i}", Signal);
            }
        }

        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Stream_WithOperatorStopsOnTheWay_EachAnsweredOnceInOrder()
    {
        IActorRef region = (await _runtime.GetRegionAsync("healing"))!;
        var stops = CreateTestProbe();
        for (int i = 0; i < Count; i++)
        {
            _runtime.Tell(new UnitMessage("healing", "b", $"m{i}"), TestActor);
            if (i % 500 == 250)
            {
                // Messages already sent straight to the worker are handled before it stops; later ones wait for the next incarnation.
                region.Tell(new StopUnitInstance("b"), stops.Ref);
            }
        }

        for (int i = 0; i < Count; i++)
        {
            await ExpectMsgAsync($"b:m{i}", Signal);
        }

        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Stream_BreakerOpensOnFirstCrash_EveryLaterMessageAnsweredCircuitOpen_NoneLost()
    {
        for (int i = 0; i < Count; i++)
        {
            _runtime.Tell(new UnitMessage("fragile", "c", i == Count / 2 ? "boom" : $"m{i}"), TestActor);
        }

        // Before the crash: served in order. The crash: UnitWorkerFailed. After it: what was queued behind it in the
        // worker's mailbox (sent straight) and what came through the instance are all answered CircuitOpen.
        for (int i = 0; i < Count / 2; i++)
        {
            await ExpectMsgAsync($"c:m{i}", Signal);
        }

        await ExpectMsgAsync<UnitWorkerFailed>(Signal);
        for (int i = Count / 2 + 1; i < Count; i++)
        {
            Assert.Equal("c", (await ExpectMsgAsync<CircuitOpen>(Signal)).Id);
        }

        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Stream_WorkerStopsItselfOnTheWay_EachAnsweredOnceInOrder()
    {
        // The worker stops itself while messages are being sent straight to it: what reached its mailbox comes back,
        // what the region sends before it learns of the stop must not be dead-lettered.
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(Akka.Event.DeadLetter));
        _runtime.Tell(new UnitMessage("quitting", "d", "open"), TestActor);
        _runtime.Tell(new UnitMessage("quitting", "d", "first"), TestActor);
        await ExpectMsgAsync("d:first", Signal);
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < 400; i++)
            {
                _runtime.Tell(new UnitMessage("quitting", "d", i == 200 ? "quit" : $"r{round}m{i}"), TestActor);
                if (i == 200)
                {
                    _runtime.Tell(new UnitMessage("quitting", "d", "open"), TestActor); // for the next incarnation
                }
            }

            for (int i = 0; i < 400; i++)
            {
                if (i != 200)
                {
                    await ExpectMsgAsync($"d:r{round}m{i}", Signal);
                }
            }
        }

        await ExpectNoMsgAsync(Quiet);

        // No request was dead-lettered (the instance's own bookkeeping with a breaker that has just stopped may be).
        var lost = deadLetters.ReceiveWhile(Quiet, d => d as Akka.Event.DeadLetter).Where(d => d?.Message is string).ToList();
        Assert.Empty(lost);
    }
}
