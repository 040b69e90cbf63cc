using Actors.Resilience.Health;
using Actors.Sessions.Configuration;
using Actors.Sessions.Outbox;
using Actors.Sessions.Tests.Support;
using Akka.TestKit;

namespace Actors.Sessions.Tests.Metrics;

/// <summary>
/// The outboxes' report into health (owner <c>sessions/outbox</c>) on virtual time: one <see cref="WorkloadCounters"/>
/// per report tick when a figure changed, aggregated over every outbox of the node, nothing when nothing changed.
/// </summary>
public sealed class OutboxCountersTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);
    private static readonly SessionOptions s_options = SessionTestConfig.SqliteOptions();

    public OutboxCountersTests()
        : base(SessionTestConfig.Akka(s_options, virtualTime: true), "outbox-counters-" + Guid.NewGuid().ToString("N")[..8])
    {
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task Report_AfterAcceptsAndAcks_PublishesAggregateOnceThenNothingWhileUnchanged()
    {
        TestProbe health = CreateTestProbe();
        Sys.EventStream.Subscribe(health.Ref, typeof(WorkloadCounters));
        IActorRef outboxes = Sys.ActorOf(SessionOutboxes.Props(s_options, _ => { }, s_interval), "session-outboxes");

        // The first tick reports the idle node (zeros), so the card exists before any traffic.
        await outboxes.Ask<QueueStatus>(new OutboxEnvelope("warm-up", GetQueueStatus.Instance), s_timeout);
        Scheduler.Advance(s_interval);
        WorkloadCounters first = health.ExpectMsg<WorkloadCounters>(s_timeout);
        Assert.Equal(SessionOutboxes.Owner, first.Owner);
        Assert.Equal(0, first.Counters["depth"]);
        Assert.Equal(1, first.Counters["instances"]);

        // Two instances: three messages to a, two to b; a's worker acknowledges two.
        for (int i = 0; i < 3; i++)
        {
            await outboxes.Ask<SendAccepted>(new OutboxEnvelope("a", new Enqueue("+1", $"m{i}", $"a{i}")), s_timeout);
        }

        for (int i = 0; i < 2; i++)
        {
            await outboxes.Ask<SendAccepted>(new OutboxEnvelope("b", new Enqueue("+1", $"m{i}", $"b{i}")), s_timeout);
        }

        TestProbe worker = CreateTestProbe();
        outboxes.Tell(new OutboxEnvelope("a", new AttachWorker(worker.Ref)));
        for (int i = 0; i < 3; i++)
        {
            worker.ExpectMsg<Deliver>(s_timeout);
        }

        outboxes.Tell(new OutboxEnvelope("a", new Acknowledged("a0", 1)));
        outboxes.Tell(new OutboxEnvelope("a", new Acknowledged("a1", 2)));
        await AwaitAssertAsync(async () => Assert.Equal(2, (await outboxes.Ask<QueueStatus>(new OutboxEnvelope("a", GetQueueStatus.Instance), s_timeout)).DeliveredTotal), s_timeout);
        await outboxes.Ask<QueueStatus>(new OutboxEnvelope("b", GetQueueStatus.Instance), s_timeout); // b's last turn has ended

        Scheduler.Advance(s_interval);
        WorkloadCounters after = health.ExpectMsg<WorkloadCounters>(s_timeout);
        Assert.Equal(SessionOutboxes.Owner, after.Owner);
        Assert.Equal(3, after.Counters["depth"]);
        Assert.Equal(5, after.Counters["accepted_total"]);
        Assert.Equal(2, after.Counters["delivered_total"]);
        Assert.Equal(3, after.Counters["instances"]); // warm-up, a, b

        // Nothing changed: the next ticks publish nothing.
        Scheduler.Advance(s_interval);
        Scheduler.Advance(s_interval);
        health.ExpectNoMsg(s_quiet);

        // One more acknowledgement: the next tick reports it.
        outboxes.Tell(new OutboxEnvelope("a", new Acknowledged("a2", 3)));
        await AwaitAssertAsync(async () => Assert.Equal(3, (await outboxes.Ask<QueueStatus>(new OutboxEnvelope("a", GetQueueStatus.Instance), s_timeout)).DeliveredTotal), s_timeout);
        Scheduler.Advance(s_interval);
        WorkloadCounters last = health.ExpectMsg<WorkloadCounters>(s_timeout);
        Assert.Equal(2, last.Counters["depth"]);
        Assert.Equal(3, last.Counters["delivered_total"]);
    }
}
