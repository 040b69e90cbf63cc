using Actors.Cmd.Tests.Support;
using Actors.Resilience;
using Actors.Resilience.Breaker;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Resilience;

/// <summary>
/// The resilience palettes against a live system with known state, over real TCP on loopback. Actor timers run on
/// Akka's TestScheduler: backoff and the health aggregator's publishing move only when a test advances it. Tests wait
/// for the state they need on the event stream (the instance's <see cref="UnitStateChanged"/>, the breaker's
/// <see cref="CircuitBreakerStateChanged"/>, the TestKit's log filter), never on a delay.
/// </summary>
public sealed class ResilienceCommandTests(ITestOutputHelper output) : CmdTestBase(output, virtualTime: true)
{
    private const string Token = "ops-token";
    private ResilienceRuntime _runtime = null!;
    private TestProbe _events = null!;

    protected override CmdServerOptions CreateOptions() => new() { Port = 0, Token = Token };

    public override async Task InitializeAsync()
    {
        // The command server starts first: it must pick up the resilience palettes when the runtime appears.
        await base.InitializeAsync();
        _events = CreateTestProbe();
        Sys.EventStream.Subscribe(_events.Ref, typeof(UnitStateChanged));
        Sys.EventStream.Subscribe(_events.Ref, typeof(CircuitBreakerStateChanged));
        var options = new ResilienceOptions();
        options.Health.Probe = new ConstantProbe();
        options.Kinds.Add(Kind("session", maxFailures: 15));
        options.Kinds.Add(Kind("feed", maxFailures: 1));
        _runtime = ResilienceRuntime.Start(Sys, options);
    }

    private static UnitKindOptions Kind(string kind, int maxFailures) =>
        new(kind, id => Props.Create(() => new CrashingWorker(id)))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = maxFailures, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) },
        };

    /// <summary>Starts an instance with a first message and waits until it reports itself running.</summary>
    private void Start(string kind, string id)
    {
        _runtime.Units.Tell(new UnitMessage(kind, id, "hi"), TestActor);
        ExpectMsg($"{id}:hi", Timeout);
        _events.FishForMessage<UnitStateChanged>(c => c.Kind == kind && c.Id == id && c.State == UnitState.Running, Timeout);
    }

    /// <summary>The worker throws; Akka logs it after our strategy published it, so the journal already holds it.</summary>
    private void Crash(string kind, string id) =>
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => _runtime.Units.Tell(new UnitMessage(kind, id, "crash"), TestActor));

    [Fact]
    public async Task Palettes_RuntimeStartedAfterTheServer_RegisteredAutomatically()
    {
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<PaletteDescriptor> palettes = await client.GetPalettesAsync().WaitAsync(Timeout);
        Assert.Equal(["actor", "breaker", "errors", "health", "log", "memory", "system", "units"], palettes.Select(p => p.Name));
        Assert.True(palettes.Single(p => p.Name == "breaker").FindCommand("reset")!.IsMutation);
        Assert.True(palettes.Single(p => p.Name == "memory").FindCommand("cleanup")!.IsMutation);
        Assert.False(palettes.Single(p => p.Name == "units").FindCommand("list")!.IsMutation);
    }

    [Fact]
    public async Task ErrorsTail_AfterAScriptedCrash_ShowsTheErrorWithoutStackTrace()
    {
        Start("session", "s1");
        Crash("session", "s1");
        await using ICmdClient client = await ConnectAsync();

        IReadOnlyList<CmdResponse> r = await RunAsync(client, "errors", "tail", ("limit", "5"));

        Assert.Equal(CmdResponseKind.Done, r[^1].Kind);
        CmdPage<PublicError> page = r[0].DataAs<CmdPage<PublicError>>()!;
        PublicError error = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal(("session", "s1", typeof(InvalidOperationException).FullName, "scripted crash of s1"), (error.UnitKind, error.UnitId, error.ExceptionType, error.Message));
        Assert.Contains("scripted crash of s1", r[0].Text, StringComparison.Ordinal);
        Assert.Contains("session/s1", r[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("1 failure retained", r[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("x")]
    public async Task ErrorsTail_CountNotPositive_RefusedAsBadArguments(string count)
    {
        await using ICmdClient client = await ConnectAsync();
        CmdResponse r = Assert.Single(await RunAsync(client, "errors", "tail", ("limit", count)));
        Assert.Equal(CmdErrorCodes.BadArguments, r.ErrorCode);
        Assert.Contains($"not [{count}]", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakerList_OpenAfterCrash_ClosedAfterBreakerReset()
    {
        Start("feed", "f1");
        Start("feed", "f2");
        Start("session", "s1");
        Crash("feed", "f1");
        _events.FishForMessage<CircuitBreakerStateChanged>(c => c.Name == "feed/f1" && c.To == CircuitBreakerState.Open, Timeout);
        await using ICmdClient client = await ConnectAsync(Token);

        CmdPage<UnitBreakerInfo> all = (await RunAsync(client, "breaker", "list"))[0].DataAs<CmdPage<UnitBreakerInfo>>()!;
        Assert.Equal(["feed/f1", "feed/f2", "session/s1"], all.Items.Select(b => $"{b.Kind}/{b.Id}"));
        Assert.Equal(CircuitBreakerState.Open, all.Items[0].State);
        Assert.Equal(TimeSpan.FromMinutes(10), all.Items[0].RetryAfter);
        Assert.All(all.Items.Skip(1), b => Assert.Equal(CircuitBreakerState.Closed, b.State));

        IReadOnlyList<CmdResponse> feed = await RunAsync(client, "breaker", "list", ("kind", "feed"));
        Assert.Equal(2, feed[0].DataAs<CmdPage<UnitBreakerInfo>>()!.Total);
        string[] lines = feed[0].Text!.Split('\n');
        Assert.StartsWith("KIND", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^feed\s+f1\s+open\s+0\s+10m00s\s+10m00s$", lines[2].TrimEnd());
        Assert.Equal("2 breakers", lines[^1]);

        IReadOnlyList<CmdResponse> reset = await RunAsync(client, "breaker", "reset", ("kind", "feed"), ("id", "f1"));
        Assert.Equal("Closed", reset[0].DataAs<BreakerResetResult>()!.State);

        UnitBreakerInfo f1 = (await RunAsync(client, "breaker", "list", ("kind", "feed")))[0].DataAs<CmdPage<UnitBreakerInfo>>()!.Items[0];
        Assert.Equal(("f1", CircuitBreakerState.Closed, TimeSpan.Zero), (f1.Id, f1.State, f1.RetryAfter));
        Assert.Equal(CmdErrorCodes.NotFound, Assert.Single(await RunAsync(client, "breaker", "list", ("kind", "nosuch"))).ErrorCode);
    }

    [Fact]
    public async Task BreakerReset_WithoutToken_RefusedAsAuthRequired()
    {
        Start("feed", "f1");
        await using ICmdClient client = await ConnectAsync();
        CmdResponse r = Assert.Single(await RunAsync(client, "breaker", "reset", ("kind", "feed"), ("id", "f1")));
        Assert.Equal(CmdErrorCodes.AuthenticationRequired, r.ErrorCode);
        Assert.Equal(CmdErrorCodes.AuthenticationRequired, Assert.Single(await RunAsync(client, "memory", "cleanup")).ErrorCode);
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "breaker", "list"))[^1].Kind);
    }

    [Fact]
    public async Task UnitsList_WithoutKind_ListsEveryKindWithItsInstances()
    {
        Start("session", "s2");
        Start("session", "s1");
        await using ICmdClient client = await ConnectAsync();

        IReadOnlyList<CmdResponse> r = await RunAsync(client, "units", "list");

        Assert.Equal(CmdResponseKind.Done, r[^1].Kind);
        CmdPage<UnitRow> page = r[0].DataAs<CmdPage<UnitRow>>()!;
        Assert.Equal(["session/s1", "session/s2"], page.Items.Select(i => $"{i.Kind}/{i.Id}"));
        Assert.Matches(@"(?m)^feed\s+\(none\)", r[0].Text);
        Assert.Matches(@"(?m)^session\s+s1\s+running", r[0].Text);
        Assert.EndsWith("2 instances", r[0].Text, StringComparison.Ordinal);

        CmdPage<UnitRow> one = (await RunAsync(client, "units", "list", ("kind", "session")))[0].DataAs<CmdPage<UnitRow>>()!;
        Assert.Equal(["s1", "s2"], one.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task UnitsList_MoreInstancesThanTheLimit_FiftyAndACountLine_AllOnRequest()
    {
        for (int i = 0; i < 60; i++)
        {
            Start("session", $"s{i:00}");
        }

        await using ICmdClient client = await ConnectAsync();
        CmdResponse byDefault = (await RunAsync(client, "units", "list", ("kind", "session")))[0];
        CmdPage<UnitRow> page = byDefault.DataAs<CmdPage<UnitRow>>()!;
        Assert.Equal((50, 60, true), (page.Shown, page.Total, page.IsTruncated));
        Assert.Equal(2 + 50 + 1, byDefault.Text!.Split('\n').Length);
        Assert.EndsWith("showing 50 of 60 instances; --all for all, -n N for N", byDefault.Text, StringComparison.Ordinal);

        Assert.Equal(5, (await RunAsync(client, "units", "list", ("limit", "5")))[0].DataAs<CmdPage<UnitRow>>()!.Shown);
        CmdResponse all = (await RunAsync(client, "units", "list", ("all", "true")))[0];
        Assert.Equal((60, 60), (all.DataAs<CmdPage<UnitRow>>()!.Shown, all.DataAs<CmdPage<UnitRow>>()!.Total));
        Assert.EndsWith("60 instances", all.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthDetailed_ManyInstances_ReadableTablesWithTheLimit()
    {
        for (int i = 0; i < 60; i++)
        {
            Start("session", $"s{i:00}");
        }

        await using ICmdClient client = await ConnectAsync();
        CmdResponse r = (await RunAsync(client, "health", "detailed"))[0];
        // The aggregator is one more subscriber of the events the test waited on: ask again until it counted all 60 (bounded, no delay).
        for (int i = 0; i < 200 && r.DataAs<HealthDetailsPage>()!.InstancesTotal < 60; i++)
        {
            r = (await RunAsync(client, "health", "detailed"))[0];
        }

        HealthDetailsPage data = r.DataAs<HealthDetailsPage>()!;
        Assert.Equal((50, 60), (data.Details.Instances.Count, data.InstancesTotal));
        string[] lines = r.Text!.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length < 300, $"a line of {l.Length} characters: {l[..Math.Min(l.Length, 80)]}..."));
        Assert.Contains("kinds:", lines);
        Assert.Contains("instances:", lines);
        Assert.Contains(lines, l => l.StartsWith("KIND", StringComparison.Ordinal) && l.Contains("LAST-FAILURE", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^session\s+s00\s+running"));
        Assert.Equal("showing 50 of 60 instances; --all for all, -n N for N", lines[^1]);
        Assert.Equal(60, (await RunAsync(client, "health", "detailed", ("all", "true")))[0].DataAs<HealthDetailsPage>()!.Details.Instances.Count);
    }

    [Fact]
    public async Task ActorStat_UnitInstance_AkkaViewAndTheUnitsOwnCounters()
    {
        Start("session", "s1");
        Crash("session", "s1");
        _events.FishForMessage<UnitStateChanged>(c => c.Id == "s1" && c.State == UnitState.BackingOff, Timeout);
        await using ICmdClient client = await ConnectAsync();

        CmdResponse r = (await RunAsync(client, "actor", "stat", ("path", "/user/units/session/s1")))[0];

        ActorStatInfo stat = r.DataAs<ActorStatInfo>()!;
        Assert.Equal("unit instance session/s1", stat.Role);
        Assert.True(stat.Answered);
        Assert.Equal(["breaker"], stat.Children);
        UnitInstanceInfo unit = stat.Unit!;
        Assert.Equal(("session", "s1", UnitState.BackingOff, 1L, 1), (unit.Kind, unit.Id, unit.State, unit.Failures, unit.RetryAttempt));
        Assert.Contains("InvalidOperationException: scripted crash of s1", unit.LastFailure, StringComparison.Ordinal);
        Assert.Contains("unit (the instance's own counters):", r.Text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  state\s+backing-off$", r.Text);
        Assert.Matches(@"(?m)^  failures\s+1$", r.Text);

        ActorStatInfo region = (await RunAsync(client, "actor", "stat", ("path", "/user/units/session")))[0].DataAs<ActorStatInfo>()!;
        Assert.Equal(("unit region of kind session", 1, (UnitInstanceInfo?)null), (region.Role, region.UnitInstances, region.Unit));
        ActorStatInfo breaker = (await RunAsync(client, "actor", "stat", ("path", "/user/units/session/s1/breaker")))[0].DataAs<ActorStatInfo>()!;
        Assert.Equal("circuit breaker of unit session/s1", breaker.Role);
        Assert.Equal("s1", breaker.Unit!.Id);
    }

    [Fact]
    public async Task ActorHierarchy_WithUnits_RolesFromTheRuntime()
    {
        Start("session", "s1");
        await using ICmdClient client = await ConnectAsync();
        string text = (await RunAsync(client, "actor", "hierarchy", ("path", "/user")))[0].Text!;
        Assert.Contains("── health  (health aggregator)", text, StringComparison.Ordinal);
        Assert.Contains("── errors  (error journal)", text, StringComparison.Ordinal);
        Assert.Contains("── memory  (memory guard)", text, StringComparison.Ordinal);
        Assert.Contains("── units  (units guardian)", text, StringComparison.Ordinal);
        Assert.Contains("── session  (unit region of kind session)", text, StringComparison.Ordinal);
        Assert.Contains("── s1  (unit instance session/s1)", text, StringComparison.Ordinal);
        Assert.Contains("── worker  (worker of unit session/s1)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/user/health")]
    [InlineData("/user/errors")]
    [InlineData("/user/memory")]
    public async Task ActorStop_ResilienceActorWithToken_Allowed(string path)
    {
        IActorRef target = await Sys.ActorSelection(path).ResolveOne(Timeout);
        Watch(target);
        await using ICmdClient client = await ConnectAsync(Token);
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "actor", "stop", ("path", path)))[^1].Kind);
        ExpectTerminated(target, Timeout);
    }

    [Fact]
    public async Task HealthWatch_StreamsTheSummaryThenEachChange_StopsOnCancel()
    {
        await using ICmdClient client = await ConnectAsync();
        using var cancel = new CancellationTokenSource();
        var received = new List<CmdResponse>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task consume = Task.Run(async () =>
        {
            await foreach (CmdResponse r in client.ExecuteAsync("health", "watch", new Dictionary<string, string?>(), cancel.Token))
            {
                lock (received)
                {
                    received.Add(r);
                    (received.Count == 1 ? first : second).TrySetResult();
                }
            }
        });

        await first.Task.WaitAsync(Timeout);
        Start("session", "s1");

        // Each advance fires the aggregator's publish tick once; the aggregator counts the new instance from the event
        // stream, so advance again until the published summary shows it (bounded, waiting on the signal between ticks).
        for (int i = 0; i < 50 && !second.Task.IsCompleted; i++)
        {
            VirtualClock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await second.Task.WaitAsync(TimeSpan.FromMilliseconds(200));
            }
            catch (TimeoutException)
            {
                // Not published yet: tick again.
            }
        }

        await second.Task.WaitAsync(Timeout);
        await cancel.CancelAsync();
        await consume.WaitAsync(Timeout);

        HealthSummary before = received[0].DataAs<HealthSummary>()!;
        HealthSummary after = received[1].DataAs<HealthSummary>()!;
        Assert.Equal((0, 1), (before.TotalInstances, after.TotalInstances));
        Assert.Contains("total_instances", received[1].Text, StringComparison.Ordinal);
        Assert.Equal(CmdResponseKind.Done, received[^1].Kind);
        Assert.True(received[^1].Cancelled);
        Assert.All(received.SkipLast(1), r => Assert.Equal(CmdResponseKind.Output, r.Kind));
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "health", "summary"))[^1].Kind);
    }

    private sealed class CrashingWorker : ReceiveActor
    {
        public CrashingWorker(string id)
        {
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException($"scripted crash of {id}"));
            Receive<string>(s => Sender.Tell($"{id}:{s}"));
        }
    }

    private sealed class ConstantProbe : Actors.Resilience.Health.IResourceProbe
    {
        public Actors.Resilience.Health.ResourceSample Sample() => new(10, 20, 100, 50, 0, 10, 0);
    }
}
