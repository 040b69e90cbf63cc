using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Actors.TestKit;

namespace Actors.Resilience.Tests.Operations;

/// <summary><see cref="UnitOperations.ListAll"/> and <see cref="UnitOperations.ListBreakers"/> on virtual time.</summary>
public sealed class UnitListingOperationsTests : TestKit.TestKit
{
    private readonly TestProbe _starts;
    private readonly ResilienceRuntime _runtime;
    private readonly UnitOperations _units;

    public UnitListingOperationsTests()
    {
        _starts = CreateTestProbe("starts");
        IActorRef starts = _starts.Ref;
        var options = new ResilienceOptions();
        options.Health.Probe = new FakeResourceProbe();
        options.Memory.Probe = new FakeMemoryProbe();
        options.Kinds.Add(Kind("session", starts, maxFailures: 3));
        options.Kinds.Add(Kind("fragile", starts, maxFailures: 1));
        _runtime = ResilienceRuntime.Start(Sys, options);
        _units = new UnitOperations(_runtime);
        AwaitIdle();
    }

    private static UnitKindOptions Kind(string kind, IActorRef starts, int maxFailures) =>
        new(kind, id => Props.Create(() => new FlakyWorker(id, starts, false)))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(4),
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = maxFailures, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) },
        };

    private object Send(string kind, string id, string message) =>
        _runtime.Units.Ask<object>(new UnitMessage(kind, id, message)).WaitAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();

    [Fact]
    public async Task ListAll_EveryKindOrderedByKind_WithItsInstances_EmptyKindsIncluded()
    {
        Assert.Equal("b:1", Send("session", "b", "1"));
        Assert.Equal("a:1", Send("session", "a", "1"));

        IReadOnlyList<UnitInstanceList> all = await _units.ListAll();

        Assert.Equal(["fragile", "session"], all.Select(k => k.Kind));
        Assert.Empty(all[0].Instances);
        Assert.Equal(["a", "b"], all[1].Instances.Select(i => i.Id));

        await _runtime.RegisterUnitKindAsync(Kind("added", _starts.Ref, 3));
        Assert.Equal(["added", "fragile", "session"], (await _units.ListAll()).Select(k => k.Kind));
    }

    [Fact]
    public async Task ListBreakers_EachInstancesBreakerAnswersForItself()
    {
        Assert.Equal("a:1", Send("session", "a", "1"));
        Assert.Equal("b:1", Send("session", "b", "1"));
        Assert.Equal("x:1", Send("fragile", "x", "1"));
        _runtime.Units.Tell(new UnitMessage("session", "b", "boom"), TestActor);
        _runtime.Units.Tell(new UnitMessage("fragile", "x", "boom"), TestActor);
        AwaitIdle();

        IReadOnlyList<UnitBreakerInfo> session = (await _units.ListBreakers("session"))!;
        Assert.Equal(
            [("session", "a", CircuitBreakerState.Closed, 0), ("session", "b", CircuitBreakerState.Closed, 1)],
            session.Select(b => (b.Kind, b.Id, b.State, b.Failures)));
        Assert.All(session, b => Assert.Equal(TimeSpan.Zero, b.RetryAfter));

        UnitBreakerInfo x = Assert.Single((await _units.ListBreakers("fragile"))!);
        Assert.Equal((CircuitBreakerState.Open, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)), (x.State, x.RetryAfter, x.ResetTimeout));

        Advance(TimeSpan.FromMinutes(4));
        IReadOnlyList<UnitBreakerInfo> all = (await _units.ListBreakers())!;
        Assert.Equal(["fragile/x", "session/a", "session/b"], all.Select(b => $"{b.Kind}/{b.Id}"));
        Assert.Equal(TimeSpan.FromMinutes(6), all[0].RetryAfter);

        Assert.Equal(("Open", "Closed"), ((await _units.ResetBreaker("fragile", "x"))!.Previous, (await _units.ListBreakers("fragile"))![0].State.ToString()));
        Assert.Null(await _units.ListBreakers("nope"));
    }

    [Fact]
    public async Task ListBreakers_NoInstances_Empty_StoppedInstancesLeftOut()
    {
        Assert.Empty((await _units.ListBreakers())!);
        Assert.Equal("a:1", Send("session", "a", "1"));
        Assert.True(await _units.Stop("session", "a"));
        AwaitIdle();
        Assert.Empty((await _units.ListBreakers("session"))!);
    }
}
