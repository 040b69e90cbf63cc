using System.Runtime.Serialization;
using Akka.Serialization;

namespace Actors.Sessions.Outbox;

/// <summary>
/// The outbox's journal events and snapshots in a small binary form of their own, named by a manifest that does not
/// depend on CLR type names ("A1", "D1", "S1"): a renamed type or a moved namespace never makes a journal unreadable,
/// and a new version of an event gets a new manifest beside the old. Akka's default (Newtonsoft JSON with type names)
/// is neither; Akka's own advice is to bind persisted types to a serializer of their own. Events written before this
/// serializer existed name the default serializer in their row and are still read by it.
/// </summary>
internal sealed class OutboxSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's identifier in <c>akka.actor.serialization-identifiers</c>.</summary>
    public const int Id = 7101;

    private const string AcceptedManifest = "A1";
    private const string DeliveredManifest = "D1";
    private const string SnapshotManifest = "S1";

    /// <summary>Creates the serializer (Akka calls this by reflection).</summary>
    /// <param name="system">The actor system.</param>
    public OutboxSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <inheritdoc/>
    public override string Manifest(object o) => o switch
    {
        MessageAccepted => AcceptedManifest,
        MessageDelivered => DeliveredManifest,
        OutboxSnapshot => SnapshotManifest,
        _ => throw new SerializationException($"The outbox serializer cannot write {o.GetType()}: only MessageAccepted, MessageDelivered and OutboxSnapshot are bound to it."),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object obj)
    {
        using var stream = new MemoryStream(128);
        using (var writer = new BinaryWriter(stream))
        {
            switch (obj)
            {
                case MessageAccepted a:
                    Write(writer, a);
                    break;
                case MessageDelivered d:
                    writer.Write(d.Sequence);
                    writer.Write(d.Key);
                    writer.Write(d.ServerId);
                    break;
                case OutboxSnapshot s:
                    writer.Write(s.NextSequence);
                    writer.Write(s.AcceptedTotal);
                    writer.Write(s.DeliveredTotal);
                    writer.Write(s.Pending.Length);
                    foreach (MessageAccepted a in s.Pending)
                    {
                        Write(writer, a);
                    }

                    break;
                default:
                    throw new SerializationException($"The outbox serializer cannot write {obj.GetType()}.");
            }
        }

        return stream.ToArray();
    }

    /// <inheritdoc/>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            return manifest switch
            {
                AcceptedManifest => ReadAccepted(reader),
                DeliveredManifest => new MessageDelivered(reader.ReadInt64(), reader.ReadString(), reader.ReadInt64()),
                SnapshotManifest => ReadSnapshot(reader),
                _ => throw new SerializationException($"Unknown outbox manifest '{manifest}': this journal was written by a newer version of Actors.Sessions."),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new SerializationException($"A truncated outbox record (manifest '{manifest}', {bytes.Length} bytes).", e);
        }
    }

    private static void Write(BinaryWriter writer, MessageAccepted a)
    {
        writer.Write(a.Sequence);
        writer.Write(a.Key);
        writer.Write(a.To);
        writer.Write(a.Text);
        writer.Write(a.AcceptedAt.UtcTicks);
        writer.Write((short)a.AcceptedAt.Offset.TotalMinutes);
    }

    private static MessageAccepted ReadAccepted(BinaryReader reader)
    {
        long sequence = reader.ReadInt64();
        string key = reader.ReadString();
        string to = reader.ReadString();
        string text = reader.ReadString();
        long utcTicks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        return new MessageAccepted(sequence, key, to, text, new DateTimeOffset(utcTicks + offset.Ticks, offset));
    }

    private static OutboxSnapshot ReadSnapshot(BinaryReader reader)
    {
        long next = reader.ReadInt64();
        long accepted = reader.ReadInt64();
        long delivered = reader.ReadInt64();
        int count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length)
        {
            throw new SerializationException($"A corrupt outbox snapshot: {count} pending messages in {reader.BaseStream.Length} bytes.");
        }

        var pending = new MessageAccepted[count];
        for (int i = 0; i < count; i++)
        {
            pending[i] = ReadAccepted(reader);
        }

        return new OutboxSnapshot(next, accepted, delivered, pending);
    }
}
