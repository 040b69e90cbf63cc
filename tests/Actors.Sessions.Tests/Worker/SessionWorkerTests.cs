using Actors.Resilience.Breaker;
using Actors.Resilience.Supervision;
using Actors.Resilience.Units;
using Actors.Samples.Upstream;
using Actors.Sessions.Tests.Support;
using Actors.Sessions.Worker;
using Akka.TestKit;

namespace Actors.Sessions.Tests.Worker;

/// <summary>Sessions against the sample upstream on a real loopback socket, in real time.</summary>
public sealed class SessionWorkerTests() : GatewayTestKit(virtualTime: false, o =>
{
    o.ConnectTimeout = TimeSpan.FromMilliseconds(500);
    o.AckTimeout = TimeSpan.FromSeconds(1);
})
{
    protected override void ConfigureKind(UnitKindOptions kind) =>
        kind.Breaker = new CircuitBreakerOptions { MaxFailures = 1000, Window = TimeSpan.FromMinutes(5), ResetTimeout = TimeSpan.FromMinutes(10) };

    [Fact]
    public async Task Send_HealthyUpstream_DeliversEveryMessageInOrder()
    {
        List<string> keys = await SendMany("alice", 40);
        await AwaitDelivered("alice", 40);
        Assert.Equal(keys, Upstream.State.Find("alice")!.Keys);
        Assert.Equal(0, Upstream.State.Find("alice")!.Duplicates);
    }

    [Fact]
    public async Task InboundPushedByTheUpstream_IsPublishedOnTheEventStream()
    {
        TestProbe inbound = CreateTestProbe();
        Sys.EventStream.Subscribe(inbound.Ref, typeof(SessionInbound));
        Assert.Equal("ready", Assert.IsType<SessionStatus>(await Ops.GetQrCode("ivy")).State);
        using var http = new HttpClient { BaseAddress = Upstream.HttpUrl };
        using HttpResponseMessage pushed = await http.PostAsync("/control/inbound?instance_id=ivy&from=%2B4930&text=hello", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, pushed.StatusCode);
        SessionInbound message = inbound.ExpectMsg<SessionInbound>(Timeout);
        Assert.Equal(("ivy", "+4930", "hello"), (message.InstanceId, message.From, message.Text));
    }

    [Fact]
    public async Task WorkerCrashMidSend_LosesAndDuplicatesNothing()
    {
        TestProbe failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(ActorFailed));

        // Every connection drops 40 ms after it opens, while acknowledgements take 5 ms each: workers crash mid-send.
        Upstream.State.SetFaults("carol", new FaultSettings { DropAfterMs = 40, AckDelayMs = 5 });
        List<string> keys = await SendMany("carol", 150);
        ActorFailed first = failures.FishForMessage<ActorFailed>(f => f.Child.Path.ToString().Contains("carol", StringComparison.Ordinal), Timeout);
        Assert.IsType<SessionLostException>(first.Cause);
        Assert.True(Upstream.State.Find("carol")!.DistinctKeys < 150, "the fault should stop delivery before everything went through");

        Upstream.State.ClearFaults("carol");
        await AwaitDelivered("carol", 150);
        InstanceRecord record = Upstream.State.Find("carol")!;
        Assert.Equal(keys.Order(StringComparer.Ordinal), record.Keys.Order(StringComparer.Ordinal));
        Assert.True(record.Connections > 1, $"expected reconnects, saw {record.Connections} connection(s)");
    }

    [Fact]
    public async Task MalformedFrames_CrashOnlyThatWorker()
    {
        TestProbe failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(ActorFailed));
        Upstream.State.SetFaults("mallory", new FaultSettings { Malformed = true });
        await SendMany("mallory", 1);
        List<string> keys = await SendMany("bob", 20);
        await AwaitDelivered("bob", 20);
        Assert.Equal(keys, Upstream.State.Find("bob")!.Keys);

        ActorFailed failed = failures.FishForMessage<ActorFailed>(_ => true, Timeout);
        Assert.IsType<SessionProtocolException>(failed.Cause);
        Assert.Contains("mallory", failed.Child.Path.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Ops.QueueStatus("mallory")).DeliveredTotal);
        Assert.DoesNotContain("bob", failures.ReceiveWhile(TimeSpan.FromMilliseconds(300), m => ((ActorFailed)m).Child.Path.ToString()).Where(p => p.Contains("bob", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StallingUpstream_CrashesOnlyThatWorker()
    {
        TestProbe failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(ActorFailed));
        Upstream.State.SetFaults("stuck", new FaultSettings { Stall = true });
        await SendMany("stuck", 1);
        ActorFailed failed = failures.FishForMessage<ActorFailed>(f => f.Child.Path.ToString().Contains("stuck", StringComparison.Ordinal), Timeout);
        SessionLostException lost = Assert.IsType<SessionLostException>(failed.Cause);
        Assert.Contains("stalls", lost.Message, StringComparison.Ordinal);

        List<string> keys = await SendMany("dave", 10);
        await AwaitDelivered("dave", 10);
        Assert.Equal(keys, Upstream.State.Find("dave")!.Keys);
        Assert.Equal(1, (await Ops.QueueStatus("stuck")).Pending);
    }

    [Fact]
    public async Task DroppedAcknowledgements_WorkerCrashesAfterAckTimeout_AndRedeliveryIsDeduplicated()
    {
        TestProbe failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(ActorFailed));
        Upstream.State.SetFaults("erin", new FaultSettings { DropAcks = true });
        List<string> keys = await SendMany("erin", 5);
        ActorFailed failed = failures.FishForMessage<ActorFailed>(f => f.Child.Path.ToString().Contains("erin", StringComparison.Ordinal), Timeout);
        SessionLostException lost = Assert.IsType<SessionLostException>(failed.Cause);
        Assert.Contains("not acknowledged", lost.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Ops.QueueStatus("erin")).DeliveredTotal);

        Upstream.State.ClearFaults("erin");
        await AwaitDelivered("erin", 5);
        InstanceRecord record = Upstream.State.Find("erin")!;
        Assert.Equal(keys, record.Keys);
        Assert.True(record.Duplicates >= 5, $"the 5 unacknowledged messages are sent again and discarded as duplicates; saw {record.Duplicates}");
    }

    [Fact]
    public async Task PendingMessages_AfterTheSystemEnds_DrainFromANewSystemWithoutNewTraffic()
    {
        Upstream.State.SetFaults("zed", new FaultSettings { Refuse = true });
        List<string> keys = await SendMany("zed", 7);
        await Sys.Terminate();
        Upstream.State.ClearFaults("zed");

        ActorSystem second = ActorSystem.Create("second", SessionTestConfig.Akka(Options, virtualTime: false));
        try
        {
            var runtime = Actors.Resilience.ResilienceRuntime.Start(second, new Actors.Resilience.ResilienceOptions());
            SessionGateway gateway = await SessionGateway.StartAsync(second, runtime, Options);
            Assert.True(await gateway.Recovered.WaitAsync(Timeout) >= 1);
            await AwaitAssertAsync(() => Assert.Equal(keys, Upstream.State.Find("zed")!.Keys), Timeout, TimeSpan.FromMilliseconds(50));
        }
        finally
        {
            await second.Terminate();
        }
    }
}
