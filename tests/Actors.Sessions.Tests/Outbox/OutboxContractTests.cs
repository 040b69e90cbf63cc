using System.Collections.Concurrent;
using Actors.Sessions.Configuration;
using Actors.Sessions.Outbox;
using Actors.Sessions.Tests.Support;
using Akka.TestKit;

namespace Actors.Sessions.Tests.Outbox;

/// <summary>
/// The outbox's contract, run against each store: what it acknowledged survives the end of its actor system (a new
/// system on the same store recovers it), is handed out in order, and what the upstream acknowledged is not handed
/// out again. One subclass per store; each runs every scenario.
/// </summary>
public abstract class OutboxContractTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<string> _woken = new();
    private readonly string _id = "inst-" + Guid.NewGuid().ToString("N")[..12];

    protected OutboxContractTests(SessionOptions options)
        : base(SessionTestConfig.Akka(Configure(options), virtualTime: false))
    {
        Options = options;
    }

    protected SessionOptions Options { get; }

    protected async Task Enqueue_ThenNewSystem_RecoversEveryPendingMessageInOrder()
    {
        IActorRef outboxes = Start(Sys);
        string[] keys = await EnqueueMany(outboxes, 12);

        ActorSystem second = await Restart();
        IActorRef recovered = Start(second);
        QueueStatus status = await recovered.Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout);
        Assert.Equal(12, status.Pending);
        Assert.Equal(12, status.AcceptedTotal);
        TestProbe worker = CreateTestProbe(second);
        recovered.Tell(Env(new AttachWorker(worker.Ref)));
        for (int i = 0; i < keys.Length; i++)
        {
            Deliver d = worker.ExpectMsg<Deliver>(s_timeout);
            Assert.Equal(keys[i], d.Key);
            Assert.Equal(i + 1, d.Sequence);
        }

        Assert.Contains(_id, _woken); // recovery with pending messages starts the session
        await second.Terminate();
    }

    protected async Task Acknowledged_ThenNewSystem_IsNotHandedOutAgain()
    {
        IActorRef outboxes = Start(Sys);
        string[] keys = await EnqueueMany(outboxes, 10);
        TestProbe worker = CreateTestProbe();
        outboxes.Tell(Env(new AttachWorker(worker.Ref)));
        for (int i = 0; i < 10; i++)
        {
            worker.ExpectMsg<Deliver>(s_timeout);
        }

        for (int i = 0; i < 6; i++)
        {
            outboxes.Tell(Env(new Acknowledged(keys[i], 100 + i)));
        }

        await AwaitAssertAsync(async () => Assert.Equal(6, (await outboxes.Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout)).DeliveredTotal), s_timeout);

        ActorSystem second = await Restart();
        IActorRef recovered = Start(second);
        QueueStatus status = await recovered.Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout);
        Assert.Equal(4, status.Pending);
        Assert.Equal(6, status.DeliveredTotal);
        TestProbe next = CreateTestProbe(second);
        recovered.Tell(Env(new AttachWorker(next.Ref)));
        Assert.Equal(keys[6..], Enumerable.Range(0, 4).Select(_ => next.ExpectMsg<Deliver>(s_timeout).Key).ToArray());
        next.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        await second.Terminate();
    }

    protected async Task OverCapacity_AnswersQueueFull_AndStoresNothing()
    {
        IActorRef outboxes = Start(Sys);
        await EnqueueMany(outboxes, Options.OutboxCapacity);
        object answer = await outboxes.Ask<object>(Env(new Enqueue("+1", "one too many", "over")), s_timeout);
        QueueFull full = Assert.IsType<QueueFull>(answer);
        Assert.Equal(Options.OutboxCapacity, full.Capacity);

        ActorSystem second = await Restart();
        QueueStatus status = await Start(second).Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout);
        Assert.Equal(Options.OutboxCapacity, status.Pending);
        await second.Terminate();
    }

    protected async Task SameKeyWhilePending_IsStoredOnce()
    {
        IActorRef outboxes = Start(Sys);
        var first = await outboxes.Ask<SendAccepted>(Env(new Enqueue("+1", "hi", "k1")), s_timeout);
        var again = await outboxes.Ask<SendAccepted>(Env(new Enqueue("+1", "hi", "k1")), s_timeout);
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(1, (await outboxes.Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout)).Pending);
    }

    protected async Task ManyEventsWithSnapshots_RecoverTheSameState()
    {
        IActorRef outboxes = Start(Sys);
        string[] keys = await EnqueueMany(outboxes, 17);
        TestProbe worker = CreateTestProbe();
        outboxes.Tell(Env(new AttachWorker(worker.Ref)));
        for (int i = 0; i < 17; i++)
        {
            worker.ExpectMsg<Deliver>(s_timeout);
        }

        for (int i = 0; i < 11; i++)
        {
            outboxes.Tell(Env(new Acknowledged(keys[i], i)));
        }

        await AwaitAssertAsync(async () => Assert.Equal(11, (await outboxes.Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout)).DeliveredTotal), s_timeout);
        ActorSystem second = await Restart();
        QueueStatus status = await Start(second).Ask<QueueStatus>(Env(GetQueueStatus.Instance), s_timeout);
        Assert.Equal((6, 17L, 11L), (status.Pending, status.AcceptedTotal, status.DeliveredTotal));
        await second.Terminate();
    }

    private static SessionOptions Configure(SessionOptions options)
    {
        options.OutboxCapacity = 20;
        options.MaxInFlight = 64;
        options.SnapshotEvery = 5;
        return options;
    }

    private IActorRef Start(ActorSystem system) => system.ActorOf(SessionOutboxes.Props(Options, id => _woken.Enqueue(id)), "session-outboxes");

    private OutboxEnvelope Env(object message) => new(_id, message);

    private async Task<string[]> EnqueueMany(IActorRef outboxes, int n)
    {
        var keys = new string[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = $"key-{i:D4}";
            SendAccepted a = await outboxes.Ask<SendAccepted>(Env(new Enqueue("+100", $"message {i}", keys[i])), s_timeout);
            Assert.Equal(keys[i], a.Key);
        }

        return keys;
    }

    // Ends this test's system (as a process end would) and starts another one on the same store.
    private async Task<ActorSystem> Restart()
    {
        await Sys.Terminate();
        return ActorSystem.Create("second", SessionTestConfig.Akka(Options, virtualTime: false));
    }
}
