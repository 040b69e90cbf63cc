using Actors.Resilience.Metrics;
using Actors.Resilience.Tests.Support;
using Actors.Sessions.Configuration;
using Actors.Sessions.Metrics;
using Actors.Sessions.Outbox;
using Actors.Sessions.Tests.Support;
using Akka.TestKit;

namespace Actors.Sessions.Tests.Metrics;

/// <summary>The Actors.Sessions meter on the SQLite journal: accepted and delivered count, the depth gauge follows them.</summary>
public sealed class OutboxMetricsTests : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private static readonly SessionOptions s_options = SessionTestConfig.SqliteOptions();
    private readonly MeterCollector _meter;
    private readonly string _id = "inst-" + Guid.NewGuid().ToString("N")[..12];

    public OutboxMetricsTests()
        : base(SessionTestConfig.Akka(s_options, virtualTime: false), "outbox-metrics-" + Guid.NewGuid().ToString("N")[..8])
    {
        _meter = new MeterCollector(SessionMeter.Name, ResilienceMeter.SystemTag, Sys.Name);
    }

    [Fact]
    public async Task Outbox_ThreeAcceptedTwoAcknowledged_CountsThemAndDepthIsOne()
    {
        IActorRef outboxes = Sys.ActorOf(SessionOutboxes.Props(s_options, _ => { }), "session-outboxes");
        for (int i = 0; i < 3; i++)
        {
            await outboxes.Ask<SendAccepted>(Env(new Enqueue("+100", $"message {i}", $"k{i}")), s_timeout);
        }

        await outboxes.Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout); // the turn after the last acceptance has ended
        Assert.Equal(3, _meter.Sum(SessionMeter.Accepted));
        Assert.Equal(3, _meter.Observe(SessionMeter.Depth));

        TestProbe worker = CreateTestProbe();
        outboxes.Tell(Env(new AttachWorker(worker.Ref)));
        for (int i = 0; i < 3; i++)
        {
            await worker.ExpectMsgAsync<Deliver>(s_timeout);
        }

        outboxes.Tell(Env(new Acknowledged("k0", 1)));
        outboxes.Tell(Env(new Acknowledged("k1", 2)));
        await AwaitAssertAsync(async () => Assert.Equal(2, (await outboxes.Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout)).DeliveredTotal), s_timeout);
        Assert.Equal(2, _meter.Sum(SessionMeter.Delivered));
        Assert.Equal(1, _meter.Observe(SessionMeter.Depth));
        Assert.Equal(3, _meter.Sum(SessionMeter.Accepted));
    }

    void IDisposable.Dispose()
    {
        _meter.Dispose();
        Dispose();
    }

    private OutboxEnvelope Env(object message) => new(_id, message);
}
