using Actors.Resilience.Breaker;
using Actors.Resilience.Units;
using Actors.Samples.Upstream;
using Actors.Sessions.Tests.Support;
using Actors.Sessions.Worker;
using Akka.TestKit;

namespace Actors.Sessions.Tests.Worker;

/// <summary>
/// The breaker of a session on virtual time: backoff and reset timeouts move only when the test advances the
/// TestScheduler, after a signal that the timer is armed. Connections are real loopback sockets.
/// </summary>
public sealed class SessionBreakerTests() : GatewayTestKit(virtualTime: true)
{
    private const string Refused = "refused-1";

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    protected override void ConfigureKind(UnitKindOptions kind)
    {
        kind.MinBackoff = TimeSpan.FromSeconds(1);
        kind.MaxBackoff = TimeSpan.FromSeconds(1);
        kind.RandomFactor = 0;
    }

    [Fact]
    public async Task RefusingUpstream_OpensThatBreakerAfter15Failures_OthersKeepSending_ClosesAfterResetTime()
    {
        TestProbe events = Events();
        Upstream.State.SetFaults(Refused, new FaultSettings { Refuse = true });
        await SendMany(Refused, 3);
        await OpenByRefusals(events);
        Assert.Equal(15, Upstream.State.Find(Refused)!.Refused);

        // Every other instance keeps sending while that breaker is open.
        List<string> keys = await SendMany("healthy", 25);
        await AwaitDelivered("healthy", 25);
        Assert.Equal(keys, Upstream.State.Find("healthy")!.Keys);
        object refused = await Ops.GetInstance(Refused);
        Assert.Equal("circuit-open", ((Actors.Sessions.Operations.SessionInstanceView)refused).SessionOutcome);

        // After the reset timeout (10 minutes, virtual) the probe reconnects, now that the upstream accepts again.
        Upstream.State.ClearFaults(Refused);
        Scheduler.Advance(TimeSpan.FromMinutes(10));
        events.FishForMessage<CircuitBreakerStateChanged>(c => c.Name == $"session/{Refused}" && c.To == CircuitBreakerState.Closed, Timeout);
        await AwaitDelivered(Refused, 3);
        Assert.Equal(3, Upstream.State.Find(Refused)!.DistinctKeys);
    }

    [Fact]
    public async Task QrRequest_ResetsAnOpenBreaker_AndStartsTheSession()
    {
        TestProbe events = Events();
        Upstream.State.SetFaults(Refused, new FaultSettings { Refuse = true });
        await SendMany(Refused, 1);
        await OpenByRefusals(events);

        Upstream.State.ClearFaults(Refused);
        object answer = await Ops.GetQrCode(Refused);
        events.FishForMessage<CircuitBreakerStateChanged>(c => c.Name == $"session/{Refused}" && c.To == CircuitBreakerState.Closed, Timeout);
        SessionStatus status = Assert.IsType<SessionStatus>(answer);
        Assert.Equal("ready", status.State);
        await AwaitDelivered(Refused, 1);
    }

    [Fact]
    public async Task QrRequest_UnscannedInstance_AnswersTheQrToken()
    {
        Upstream.State.AutoScan = false;
        SessionStatus status = Assert.IsType<SessionStatus>(await Ops.GetQrCode("new-phone"));
        Assert.Equal("waiting-for-scan", status.State);
        Assert.StartsWith("qr-new-phone-", status.QrCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissedPong_AfterTheUpstreamStalls_CrashesThatWorker()
    {
        TestProbe failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures.Ref, typeof(Actors.Resilience.Supervision.ActorFailed));
        Assert.Equal("ready", Assert.IsType<SessionStatus>(await Ops.GetQrCode("pinger")).State);
        Upstream.State.SetFaults("pinger", new FaultSettings { Stall = true });

        // The first tick sends a ping (the stalled upstream never answers); the next one finds it unanswered.
        Scheduler.Advance(TimeSpan.FromMinutes(2));
        Scheduler.Advance(TimeSpan.FromMinutes(2));
        var failed = failures.ExpectMsg<Actors.Resilience.Supervision.ActorFailed>(Timeout);
        SessionLostException lost = Assert.IsType<SessionLostException>(failed.Cause);
        Assert.Contains("got no pong", lost.Message, StringComparison.Ordinal);
    }

    private TestProbe Events()
    {
        TestProbe events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(UnitRetryScheduled));
        Sys.EventStream.Subscribe(events.Ref, typeof(CircuitBreakerStateChanged));
        return events;
    }

    // Each refused connect crashes the worker; the instance schedules its restart (virtual 1 s); the test advances
    // after each UnitRetryScheduled until the breaker reports Open.
    private async Task OpenByRefusals(TestProbe events)
    {
        int retries = 0;
        while (true)
        {
            object e = events.FishForMessage<object>(
                m => m is UnitRetryScheduled { Id: Refused } || m is CircuitBreakerStateChanged { Name: $"session/{Refused}", To: CircuitBreakerState.Open },
                Timeout);
            if (e is CircuitBreakerStateChanged)
            {
                break;
            }

            retries++;
            Assert.True(retries < 15, "the breaker should open at the 15th failure, before a 15th retry");
            Scheduler.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(14, retries);
        await Task.CompletedTask;
    }
}
