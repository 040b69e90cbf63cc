using Actors.Resilience.Breaker;
using Actors.Resilience.Operations;
using Actors.Resilience.Tests.Support;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Resilience.Tests.Operations;

/// <summary><see cref="UnitOperations.ListAll"/> and <see cref="UnitOperations.ListBreakers"/> on virtual time.</summary>
public sealed class UnitListingOperationsTests(ITestOutputHelper output) : ResilienceTestKit(output), IAsyncLifetime
{
    private TestProbe _starts = null!;
    private TestProbe _events = null!;
    private ResilienceRuntime _runtime = null!;
    private UnitOperations _units = null!;

    public async Task InitializeAsync()
    {
        _starts = CreateTestProbe("starts");
        _events = SubscribeUnitEvents();
        ResilienceOptions options = FakeOptions();
        options.Kinds.Add(Kind("session", _starts.Ref, maxFailures: 3));
        options.Kinds.Add(Kind("fragile", _starts.Ref, maxFailures: 1));
        _runtime = await StartAsync(options);
        _units = new UnitOperations(_runtime);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static UnitKindOptions Kind(string kind, IActorRef starts, int maxFailures) =>
        new(kind, id => FlakyWorker.Props(id, starts))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(4),
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = maxFailures, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) },
        };

    private async Task<object> SendAsync(string kind, string id, string message)
    {
        Send(_runtime, kind, id, message, TestActor);
        return await ExpectMsgAsync<object>(Signal);
    }

    [Fact]
    public async Task ListAll_EveryKindOrderedByKind_WithItsInstances_EmptyKindsIncluded()
    {
        Assert.Equal("b:1", await SendAsync("session", "b", "1"));
        Assert.Equal("a:1", await SendAsync("session", "a", "1"));

        IReadOnlyList<UnitInstanceList> all = await _units.ListAll();

        Assert.Equal(["fragile", "session"], all.Select(k => k.Kind));
        Assert.Empty(all[0].Instances);
        Assert.Equal(["a", "b"], all[1].Instances.Select(i => i.Id));

        await _runtime.RegisterUnitKindAsync(Kind("added", _starts.Ref, 3));
        Assert.Equal(["added", "fragile", "session"], (await _units.ListAll()).Select(k => k.Kind));
    }

    [Fact]
    public async Task RegisterUnitKind_ExistingKind_KeepsItsRegion()
    {
        IActorRef? before = await _runtime.GetRegionAsync("session");
        IActorRef again = await _runtime.RegisterUnitKindAsync(Kind("session", _starts.Ref, 99));
        Assert.Equal(before, again);
        Assert.Null(await _runtime.GetRegionAsync("nope"));
    }

    [Fact]
    public async Task ListBreakers_EachInstancesBreakerAnswersForItself()
    {
        Assert.Equal("a:1", await SendAsync("session", "a", "1"));
        Assert.Equal("b:1", await SendAsync("session", "b", "1"));
        Assert.Equal("x:1", await SendAsync("fragile", "x", "1"));
        Send(_runtime, "session", "b", "boom", TestActor);
        await ExpectStateAsync(_events, _runtime, "session", "b", UnitState.BackingOff);
        Send(_runtime, "fragile", "x", "boom", TestActor);
        await ExpectStateAsync(_events, _runtime, "fragile", "x", UnitState.CircuitOpen);

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

        Assert.Equal("Open", (await _units.ResetBreaker("fragile", "x"))!.Previous);
        Assert.Equal(CircuitBreakerState.Closed, (await _units.ListBreakers("fragile"))![0].State);
        Assert.Null(await _units.ListBreakers("nope"));
    }

    [Fact]
    public async Task ListBreakers_NoInstances_Empty_StoppedInstancesLeftOut()
    {
        Assert.Empty((await _units.ListBreakers())!);
        Assert.Equal("a:1", await SendAsync("session", "a", "1"));
        Assert.True(await _units.Stop("session", "a"));
        Assert.Empty((await _units.ListBreakers("session"))!);
    }
}
