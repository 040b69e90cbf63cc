using Actors.Resilience.Breaker;
using Actors.Resilience.Memory;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.Event;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Units;

/// <summary>
/// Regression (accounting): every request sent to units gets exactly one typed outcome, across restarts, breaker
/// openings, passivation and a memory emergency. Each request has its own sender (a <see cref="Tagger"/>) that passes
/// what comes back to the test, tagged with the request's number; so a lost answer and a double answer both show.
/// </summary>
public sealed class AccountingTests(ITestOutputHelper output) : ResilienceTestKit(output)
{
    private readonly ITestOutputHelper _output = output;
    private readonly FakeMemoryProbe _memory = new();
    private readonly ConnectGate _gate = new(open: false);
    private readonly List<int> _sent = new();
    private readonly Dictionary<int, string> _targets = new();
    private TestProbe _collector = null!;
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;
    private int _next;

    private void Request(string kind, string id, bool fail = false)
    {
        int n = ++_next;
        _sent.Add(n);
        _targets[n] = $"{kind}/{id}{(fail ? " (fails)" : string.Empty)}";
        IActorRef tagger = Sys.ActorOf(Tagger.Props(n, _collector.Ref));
        Send(_runtime, kind, id, new Request(n, fail), tagger);
    }

    [Fact]
    public async Task Requests_MixOfHealthyFlakyAndFailingInstances_EachGetsExactlyOneTypedOutcome()
    {
        _collector = CreateTestProbe("collector");
        _events = SubscribeUnitEvents();
        TestProbe deadLetters = Subscribe<DeadLetter>();
        IActorRef log = CreateTestProbe().Ref;
        ResilienceOptions options = FakeOptions(memory: _memory);
        options.Kinds.Add(new UnitKindOptions("session", AccountingWorker.Props)
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            BufferCapacity = 4,
            PassivateAfter = TimeSpan.FromMinutes(1),
            Breaker = new CircuitBreakerOptions { MaxFailures = 3, ResetTimeout = TimeSpan.FromMinutes(1) },
        });
        options.Kinds.Add(new UnitKindOptions("feed", id => GatedWorker.Props(id, log, _gate))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            Critical = true,
            PassivateAfter = TimeSpan.FromMinutes(1),
            Breaker = new CircuitBreakerOptions { MaxFailures = 2, ResetTimeout = TimeSpan.FromMinutes(1) },
        });
        _runtime = await StartAsync(options);

        // Healthy instances, interleaved.
        for (int i = 0; i < 10; i++)
        {
            Request("session", "h1");
            Request("session", "h2");
        }

        // A flaky instance: failures in the middle of bursts (answered, then the worker dies; what was queued behind
        // goes to the next worker), a burst beyond the buffer while it is down, and finally its breaker opens.
        for (int round = 0; round < 3; round++)
        {
            Request("session", "f");
            Request("session", "f", fail: true);
            for (int i = 0; i < 6; i++)
            {
                Request("session", "f");
            }

            UnitStateChanged down = await _events.FishForMessageAsync<UnitStateChanged>(
                c => c.Id == "f" && c.State is UnitState.BackingOff or UnitState.CircuitOpen, Signal);
            await InspectAsync(_runtime, "session", "f");
            if (down.State == UnitState.BackingOff)
            {
                // Down: five more than the buffer (4) can take, so at least one overflows.
                for (int i = 0; i < 5; i++)
                {
                    Request("session", "f");
                }

                await InspectAsync(_runtime, "session", "f");
                Advance(TimeSpan.FromSeconds(1 << round));
                await _events.FishForMessageAsync<UnitStateChanged>(c => c.Id == "f" && c.State == UnitState.Running, Signal);
            }
        }

        // A failing dependency: the feed worker never connects; two failures open its breaker.
        Request("feed", "x");
        Request("feed", "x");
        await ExpectStateAsync(_events, _runtime, "feed", "x", UnitState.BackingOff);
        Request("feed", "x");
        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(_events, _runtime, "feed", "x", UnitState.CircuitOpen);
        Request("feed", "x");

        // Unknown kinds.
        Request("nope", "a");
        Request("nope", "b");

        // Passivation: idle for a minute, then used again. The region sees activity at its checks (every 30 s), so
        // the burst sent after creation counts as activity at the first check: h2 is passivated at the third.
        // Each check is handled (the inspection is answered after it) before the clock moves on.
        for (int check = 0; check < 3; check++)
        {
            Advance(TimeSpan.FromSeconds(30));
            await new UnitOperations(_runtime).List("session");
        }
        await ExpectStateAsync(_events, _runtime, "session", "h2", UnitState.Stopped);
        Request("session", "h2");
        Request("session", "h2", fail: true);
        Request("session", "h2");
        await ExpectStateAsync(_events, _runtime, "session", "h2", UnitState.BackingOff);
        Advance(TimeSpan.FromSeconds(1));
        await ExpectStateAsync(_events, _runtime, "session", "h2", UnitState.Running); // quiet before the emergency (see the report: a stop racing a worker's failure)

        // Memory emergency: non-critical instances stop, new work is refused; the feed (critical) keeps its state.
        TestProbe memoryActions = Subscribe<MemoryAction>();
        await new MemoryOperations(_runtime).Emergency();
        Request("session", "h1");
        Request("session", "new");
        Request("feed", "x");
        Advance(TimeSpan.FromSeconds(10)); // the next sample is below the soft threshold: recovered
        await memoryActions.FishForMessageAsync<MemoryAction>(a => a.Kind == MemoryActionKind.Recovered, Signal);
        Request("session", "h1");
        Request("session", "new");

        // Let every backoff and open period run out so anything still buffered is delivered or answered.
        _gate.IsOpen = true;
        // Timers armed after a step are only due at a later one: keep stepping until every request has its outcome.
        var outcomes = new Dictionary<int, List<object>>();
        for (int i = 0, steps = 0; i < _sent.Count; i++)
        {
            object received;
            while (true)
            {
                (bool got, MessageEnvelope envelope) = await _collector.TryReceiveOneAsync(TimeSpan.FromSeconds(1));
                if (got)
                {
                    received = envelope.Message;
                    break;
                }

                Assert.True(steps++ < 60, $"only {i} of {_sent.Count} requests were answered; none for {string.Join(", ", _sent.Where(n => !outcomes.ContainsKey(n)).Select(n => $"#{n} {_targets[n]}"))}");
                Advance(TimeSpan.FromSeconds(10));
            }

            (int n, object message) = Assert.IsType<(int, object)>(received);
            if (!outcomes.TryGetValue(n, out List<object>? list))
            {
                outcomes[n] = list = new List<object>();
            }

            list.Add(message);
        }

        await _collector.ExpectNoMsgAsync(Quiet); // nothing answered twice
        Assert.Equal(_sent, outcomes.Keys.Order());
        Assert.All(outcomes, o => Assert.Single(o.Value));

        var byType = outcomes.Values.Select(v => v[0].GetType().Name).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        _output.WriteLine(string.Join(", ", byType.Select(kv => $"{kv.Key}: {kv.Value}")));
        Assert.Equal(_sent.Count, byType.Values.Sum());
        Assert.All(byType.Keys, t => Assert.Contains(t, new[] { nameof(Reply), nameof(UnitWorkerFailed), nameof(CircuitOpen), nameof(UnitBufferOverflow), nameof(Overloaded), nameof(UnknownUnitKind), nameof(String) }));
        Assert.Equal(2, byType.GetValueOrDefault(nameof(UnknownUnitKind)));
        Assert.True(byType.GetValueOrDefault(nameof(Reply)) > 20, "the healthy instances answered");

        // Every reply answers its own request.
        Assert.All(outcomes, o => Assert.True(o.Value[0] is not Reply r || r.N == o.Key));
        while (deadLetters.HasMessages)
        {
            DeadLetter dead = await deadLetters.ExpectMsgAsync<DeadLetter>(Signal);
            Assert.False(dead.Message is Support.Request or UnitMessage or UnitEnvelope, $"a request went to dead letters: {dead.Message}");
        }
    }
}
