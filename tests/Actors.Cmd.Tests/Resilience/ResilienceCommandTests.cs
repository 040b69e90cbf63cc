using System.Text.Json;
using Actors.Cmd.Tests.Support;
using Actors.Resilience;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Resilience;

/// <summary>
/// The resilience palettes against a live system with known state, over real TCP on loopback. Actor timers run on
/// virtual time: backoff and the health aggregator's publishing move only when a test advances the clock.
/// </summary>
public sealed class ResilienceCommandTests(ITestOutputHelper output) : CmdTestBase(output, virtualTime: true)
{
    private ResilienceRuntime _runtime = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var options = new ResilienceOptions();
        options.Health.Probe = new ConstantProbe();
        options.Kinds.Add(Kind("session", maxFailures: 15));
        options.Kinds.Add(Kind("feed", maxFailures: 1));
        _runtime = ResilienceRuntime.Start(Sys, options);
        ResiliencePalettes.Register(Server, _runtime);
        await AwaitIdleAsync();
    }

    private static UnitKindOptions Kind(string kind, int maxFailures) =>
        new(kind, id => Props.Create(() => new CrashingWorker(id)))
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            Breaker = new CircuitBreakerOptions { MaxFailures = maxFailures, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) },
        };

    private async Task Send(string kind, string id, string message)
    {
        _runtime.Units.Tell(new UnitMessage(kind, id, message), TestActor);
        ExpectMsg($"{id}:{message}");
        await AwaitIdleAsync();
    }

    /// <summary>The worker throws; the failure is logged, journaled and counted by the instance's breaker.</summary>
    private async Task Crash(string kind, string id)
    {
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => _runtime.Units.Tell(new UnitMessage(kind, id, "crash"), TestActor));
        await AwaitIdleAsync();
    }

    [Fact]
    public async Task ErrorsTail_AfterAScriptedCrash_ShowsTheErrorWithoutStackTrace()
    {
        await Send("session", "s1", "hi");
        await Crash("session", "s1");
        await using ICmdClient client = await ConnectAsync();

        IReadOnlyList<CmdResponse> r = await RunAsync(client, "errors", "tail", ("count", "5"));

        Assert.Equal(CmdResponseKind.Done, r[^1].Kind);
        PublicError error = Assert.Single(r[0].DataAs<PublicError[]>()!);
        Assert.Equal(("session", "s1", typeof(InvalidOperationException).FullName, "scripted crash of s1"), (error.UnitKind, error.UnitId, error.ExceptionType, error.Message));
        Assert.Contains("scripted crash of s1", r[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakerList_OpenAfterCrash_ClosedAfterBreakerReset()
    {
        await Send("feed", "f1", "hi");
        await Send("feed", "f2", "hi");
        await Send("session", "s1", "hi");
        await Crash("feed", "f1");
        await using ICmdClient client = await ConnectAsync();

        UnitBreakerInfo[] all = (await RunAsync(client, "breaker", "list"))[0].DataAs<UnitBreakerInfo[]>()!;
        Assert.Equal(["feed/f1", "feed/f2", "session/s1"], all.Select(b => $"{b.Kind}/{b.Id}"));
        Assert.Equal(CircuitBreakerState.Open, all[0].State);
        Assert.Equal(TimeSpan.FromMinutes(10), all[0].RetryAfter);
        Assert.All(all.Skip(1), b => Assert.Equal(CircuitBreakerState.Closed, b.State));

        IReadOnlyList<CmdResponse> feed = await RunAsync(client, "breaker", "list", ("kind", "feed"));
        Assert.Equal(2, feed[0].DataAs<UnitBreakerInfo[]>()!.Length);
        string[] lines = feed[0].Text!.Split('\n');
        Assert.StartsWith("KIND", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^feed\s+f1\s+open\s+0\s+10m00s\s+10m00s$", lines[2].TrimEnd());

        IReadOnlyList<CmdResponse> reset = await RunAsync(client, "breaker", "reset", ("kind", "feed"), ("id", "f1"));
        Assert.Equal("Closed", reset[0].DataAs<BreakerResetResult>()!.State);
        await AwaitIdleAsync();

        UnitBreakerInfo f1 = (await RunAsync(client, "breaker", "list", ("kind", "feed")))[0].DataAs<UnitBreakerInfo[]>()![0];
        Assert.Equal(("f1", CircuitBreakerState.Closed, TimeSpan.Zero), (f1.Id, f1.State, f1.RetryAfter));
        Assert.Equal(CmdErrorCodes.NotFound, Assert.Single(await RunAsync(client, "breaker", "list", ("kind", "nosuch"))).ErrorCode);
    }

    [Fact]
    public async Task UnitsList_WithoutKind_ListsEveryKindWithItsInstances()
    {
        await Send("session", "s2", "hi");
        await Send("session", "s1", "hi");
        await using ICmdClient client = await ConnectAsync();

        IReadOnlyList<CmdResponse> r = await RunAsync(client, "units", "list");

        Assert.Equal(CmdResponseKind.Done, r[^1].Kind);
        UnitInstanceList[] kinds = r[0].DataAs<UnitInstanceList[]>()!;
        Assert.Equal(["feed", "session"], kinds.Select(k => k.Kind));
        Assert.Empty(kinds[0].Instances);
        Assert.Equal(["s1", "s2"], kinds[1].Instances.Select(i => i.Id));
        Assert.Matches(@"(?m)^feed\s+\(none\)", r[0].Text);
        Assert.Matches(@"(?m)^session\s+s1\s+running", r[0].Text);

        UnitInstanceList one = (await RunAsync(client, "units", "list", ("kind", "session")))[0].DataAs<UnitInstanceList>()!;
        Assert.Equal(["s1", "s2"], one.Instances.Select(i => i.Id));
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
        await Send("session", "s1", "hi");
        await AdvanceAsync(TimeSpan.FromSeconds(1)); // the aggregator's publish tick
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
