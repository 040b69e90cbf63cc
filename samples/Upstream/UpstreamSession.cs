using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace Actors.Samples.Upstream;

/// <summary>One accepted connection: QR until scanned, then ready; acknowledges sends, answers pings.</summary>
internal sealed class UpstreamSession(WebSocket socket, InstanceRecord record, UpstreamState state, CancellationToken cancellationToken) : IDisposable
{
    // One send at a time on a WebSocket: replies and pushed inbound messages take turns.
    private readonly SemaphoreSlim _sending = new(1, 1);

    public void Dispose() => _sending.Dispose();

    public async Task RunAsync()
    {
        FaultSettings faults = state.FaultsFor(record.InstanceId);
        if (faults.Stall)
        {
            await DrainAsync().ConfigureAwait(false);
            return;
        }

        if (faults.Malformed)
        {
            await SendRawAsync("{\"type\": \"ack\", \"key\": "u8.ToArray()).ConfigureAwait(false);
        }

        if (!record.Scanned)
        {
            await SendAsync(new { type = "qr", token = $"qr-{record.InstanceId}-{Guid.NewGuid():N}" }).ConfigureAwait(false);
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            while (!record.Scanned && await poll.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }

        await SendAsync(new { type = "ready", instance_id = record.InstanceId }).ConfigureAwait(false);
        Func<object, Task> push = SendAsync;
        record.Push = push;
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            buffer.Clear();
            if (!await ReceiveAsync(buffer).ConfigureAwait(false))
            {
                return;
            }

            faults = state.FaultsFor(record.InstanceId);
            if (faults.Stall)
            {
                await DrainAsync().ConfigureAwait(false);
                return;
            }

            using JsonDocument doc = JsonDocument.Parse(buffer.WrittenMemory);
            JsonElement root = doc.RootElement;
            switch (root.GetProperty("type").GetString())
            {
                case "send":
                    string key = root.GetProperty("key").GetString()!;
                    (long id, bool duplicate) = record.Receive(key);
                    if (faults.DropAcks)
                    {
                        break;
                    }

                    if (faults.AckDelayMs > 0)
                    {
                        await Task.Delay(faults.AckDelayMs, cancellationToken).ConfigureAwait(false);
                    }

                    await SendAsync(faults.Malformed ? new { type = "ack", key = (string?)null, id = (long?)null, duplicate } : new { type = "ack", key = (string?)key, id = (long?)id, duplicate }).ConfigureAwait(false);
                    break;
                case "ping":
                    await SendAsync(new { type = "pong", n = root.TryGetProperty("n", out JsonElement n) ? n.GetInt64() : 0 }).ConfigureAwait(false);
                    break;
                default:
                    await SendAsync(new { type = "error", message = "unknown frame type" }).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task DrainAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (await ReceiveAsync(buffer).ConfigureAwait(false))
        {
            buffer.Clear();
        }
    }

    private async Task<bool> ReceiveAsync(ArrayBufferWriter<byte> buffer)
    {
        while (true)
        {
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    private Task SendAsync(object message) => SendRawAsync(UpstreamServer.Frame(message));

    private async Task SendRawAsync(byte[] frame)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(new ReadOnlyMemory<byte>(frame), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }
}
