using System.Runtime.Serialization;
using Actors.Sessions.Configuration;
using Actors.Sessions.Outbox;
using Actors.Sessions.Tests.Support;
using Akka.Serialization;

namespace Actors.Sessions.Tests.Outbox;

/// <summary>
/// The outbox's events and snapshots go through a serializer of their own (not Akka's default JSON with CLR type names),
/// round-trip exactly, refuse corrupt records with a message, and journals written by the default serializer before
/// it existed are still recovered.
/// </summary>
public sealed class OutboxSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private static readonly MessageAccepted s_accepted = new(42, "key-ü-1", "+4915100000", "hello, wörld \u2603", new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.FromHours(1)).AddTicks(7));

    public OutboxSerializerTests()
        : base(SessionTestConfig.Akka(SessionTestConfig.SqliteOptions(), virtualTime: false))
    {
    }

    [Fact]
    public void EveryOutboxType_IsBoundToTheOutboxSerializer()
    {
        Assert.IsType<OutboxSerializer>(Sys.Serialization.FindSerializerFor(s_accepted));
        Assert.IsType<OutboxSerializer>(Sys.Serialization.FindSerializerFor(new MessageDelivered(1, "k", 2)));
        Assert.IsType<OutboxSerializer>(Sys.Serialization.FindSerializerFor(new OutboxSnapshot(1, 2, 3, [])));
    }

    [Fact]
    public void Accepted_RoundTripsExactly()
    {
        var back = (MessageAccepted)RoundTrip(s_accepted);

        Assert.Equal(s_accepted, back);
        Assert.Equal(s_accepted.AcceptedAt.Offset, back.AcceptedAt.Offset);
    }

    [Fact]
    public void DeliveredAndSnapshot_RoundTripExactly()
    {
        Assert.Equal(new MessageDelivered(7, "key-7", 9001), RoundTrip(new MessageDelivered(7, "key-7", 9001)));
        var snapshot = new OutboxSnapshot(43, 42, 40, [s_accepted, s_accepted with { Sequence = 43, Key = "key-2", Text = string.Empty }]);

        var back = (OutboxSnapshot)RoundTrip(snapshot);

        Assert.Equal((snapshot.NextSequence, snapshot.AcceptedTotal, snapshot.DeliveredTotal), (back.NextSequence, back.AcceptedTotal, back.DeliveredTotal));
        Assert.Equal(snapshot.Pending, back.Pending);
    }

    [Fact]
    public void CorruptOrUnknownRecords_RefusedSayingWhat()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(s_accepted);
        byte[] bytes = serializer.ToBinary(s_accepted);

        SerializationException truncated = Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes[..10], "A1"));
        SerializationException unknown = Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, "A9"));

        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("'A9'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalWrittenByTheDefaultSerializer_IsStillRecovered()
    {
        SessionOptions options = SessionTestConfig.SqliteOptions();
        options.SnapshotEvery = 1000;
        // As before the outbox had a serializer of its own: its types bound to Akka's default JSON serializer.
        Akka.Configuration.Config old = Akka.Configuration.ConfigurationFactory.ParseString("""
            akka.actor.serialization-bindings {
              "Actors.Sessions.Outbox.MessageAccepted, Actors.Sessions" = json
              "Actors.Sessions.Outbox.MessageDelivered, Actors.Sessions" = json
              "Actors.Sessions.Outbox.OutboxSnapshot, Actors.Sessions" = json
            }
            """).WithFallback(SessionTestConfig.Akka(options, virtualTime: false));
        ActorSystem before = ActorSystem.Create("before", old);
        Assert.IsNotType<OutboxSerializer>(before.Serialization.FindSerializerFor(s_accepted));
        IActorRef outboxes = before.ActorOf(SessionOutboxes.Props(options, _ => { }), "session-outboxes");
        for (int i = 0; i < 3; i++)
        {
            await outboxes.Ask<SendAccepted>(new OutboxEnvelope("legacy", new Enqueue("+1", $"old {i}", $"old-{i}")), s_timeout);
        }

        await before.Terminate();

        ActorSystem after = ActorSystem.Create("after", SessionTestConfig.Akka(options, virtualTime: false));
        try
        {
            IActorRef recovered = after.ActorOf(SessionOutboxes.Props(options, _ => { }), "session-outboxes");
            await recovered.Ask<SendAccepted>(new OutboxEnvelope("legacy", new Enqueue("+1", "new", "new-0")), s_timeout);
            QueueStatus status = await recovered.Ask<QueueStatus>(new OutboxEnvelope("legacy", GetQueueStatus.Instance), s_timeout);

            Assert.Equal((4, 4L), (status.Pending, status.AcceptedTotal));
        }
        finally
        {
            await after.Terminate();
        }
    }

    private object RoundTrip(object value)
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(value);
        return serializer.FromBinary(serializer.ToBinary(value), serializer.Manifest(value));
    }
}
