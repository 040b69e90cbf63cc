using Actors.Resilience;
using Actors.Resilience.Operations;
using Actors.Resilience.Units;
using Actors.Sessions.Tests.Support;
using Actors.Sessions.Worker;
using Akka.TestKit;

namespace Actors.Sessions.Tests.Worker;

/// <summary>
/// Idle sessions are passivated (their socket closed, their instance stopped) after the kind's passivate-after, on
/// virtual time; the next message starts the session again and the outbox delivers it. Connections are real.
/// </summary>
public sealed class SessionPassivationTests() : GatewayTestKit(virtualTime: true)
{
    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    // Shorter than the ping interval (2 minutes), so no ping has to be answered while virtual time jumps.
    protected override void ConfigureKind(UnitKindOptions kind) => kind.PassivateAfter = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task IdleSession_PassivatedAfterPassivateAfter_NextMessageStartsItAgainAndIsDelivered()
    {
        Assert.Equal("ready", Assert.IsType<SessionStatus>(await Ops.GetQrCode("idle")).State);
        TestProbe events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(UnitStateChanged));
        var units = new UnitOperations(ResilienceRuntime.Get(Sys)!);

        // The region looks every 30 s (half of passivate-after); each look is handled before the clock moves on.
        for (int check = 0; check < 3; check++)
        {
            Scheduler.Advance(TimeSpan.FromSeconds(30));
            await units.List(SessionGateway.Kind);
        }

        UnitStateChanged stopped = events.FishForMessage<UnitStateChanged>(c => c.Id == "idle" && c.State == UnitState.Stopped, Timeout);
        Assert.Equal("passivated", stopped.Reason);

        await SendMany("idle", 2);
        await AwaitDelivered("idle", 2);
        Assert.Equal(2, Upstream.State.Find("idle")!.DistinctKeys);
    }
}
