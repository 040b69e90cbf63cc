using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace Actors.Cmd;

/// <summary>Reads and writes length-prefixed JSON frames. Stateless; safe from any thread.</summary>
internal static class FrameCodec
{
    public const int HeaderSize = 4;

    /// <summary>Encodes one frame (header and payload) written by <paramref name="write"/>.</summary>
    public static byte[] Encode(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.GetSpan(HeaderSize);
        buffer.Advance(HeaderSize);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        byte[] frame = buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(frame.Length - HeaderSize));
        return frame;
    }

    /// <summary>The payload length of an encoded frame.</summary>
    public static int PayloadLength(byte[] frame) => frame.Length - HeaderSize;

    /// <summary>
    /// Reads one frame. Returns <see langword="null"/> at a clean end of stream (before a header);
    /// throws <see cref="CmdProtocolException"/> for an oversized or empty frame, <see cref="EndOfStreamException"/>
    /// when the stream ends inside a frame, and <see cref="CmdProtocolException"/> when the payload is not a JSON object.
    /// </summary>
    public static async ValueTask<JsonDocument?> ReadAsync(Stream stream, int maxFrameSize, CancellationToken cancellationToken)
    {
        byte[] header = new byte[HeaderSize];
        int read = 0;
        while (read < HeaderSize)
        {
            int n = await stream.ReadAsync(header.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return read == 0 ? null : throw new EndOfStreamException("The stream ended inside a frame header.");
            }

            read += n;
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length == 0 || length > (uint)maxFrameSize)
        {
            throw new CmdProtocolException(CmdErrorCodes.FrameTooLarge, $"Frame length {length} is outside 1..{maxFrameSize} bytes.");
        }

        byte[] payload = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            await stream.ReadExactlyAsync(payload.AsMemory(0, (int)length), cancellationToken).ConfigureAwait(false);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(payload.AsMemory(0, (int)length), new JsonDocumentOptions { MaxDepth = 32 });
            }
            catch (JsonException e)
            {
                throw new CmdProtocolException($"The frame is not valid JSON: {e.Message}", e);
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("type", out JsonElement type)
                || type.ValueKind != JsonValueKind.String)
            {
                document.Dispose();
                throw new CmdProtocolException("The frame is not a JSON object with a string 'type' field.");
            }

            return document;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    public static string Type(JsonDocument frame) => frame.RootElement.GetProperty("type").GetString()!;

    public static string? GetString(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long GetId(JsonElement e) =>
        e.TryGetProperty("id", out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long id) ? id : 0;

    public static bool GetBool(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

    public static int GetInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : 0;
}
