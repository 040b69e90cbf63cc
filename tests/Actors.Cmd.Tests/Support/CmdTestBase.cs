using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Actors.Hocon;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Support;

/// <summary>A live system (real clock: sockets are real) with a command server on 127.0.0.1 and a free port.</summary>
public abstract class CmdTestBase : TestKit.TestKit, IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    protected CmdTestBase(ITestOutputHelper output)
        : this(output, virtualTime: false)
    {
    }

    /// <summary>With <paramref name="virtualTime"/>, actor timers run on the TestKit's clock (sockets stay real).</summary>
    protected CmdTestBase(ITestOutputHelper output, bool virtualTime)
        : base(new ActorSystemOptions(), output, virtualTime)
    {
    }

    protected CommandServer Server { get; private set; } = null!;

    protected int Port => Server.Endpoint.Port;

    protected virtual CmdServerOptions CreateOptions() => new()
    {
        Port = 0,
        Config = ConfigurationFactory.ParseString("""
            app { name = demo, db { password = hunter2, host = db1 }, api-key = abc, tokens = [x, y], batch = 5 }
            """, "test.conf"),
    };

    public virtual async Task InitializeAsync() => Server = await CommandServer.StartAsync(Sys, CreateOptions()).WaitAsync(Timeout);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<ICmdClient> ConnectAsync(string? token = null) =>
        CmdClient.ConnectAsync(new CmdClientOptions { Port = Port, Token = token, ConnectTimeout = TimeSpan.FromSeconds(10) });

    protected static async Task<IReadOnlyList<CmdResponse>> RunAsync(ICmdClient client, string palette, string command, params (string Name, string Value)[] args) =>
        await client.ExecuteToListAsync(palette, command, args.ToDictionary(a => a.Name, a => (string?)a.Value)).WaitAsync(Timeout);

    /// <summary>A raw TCP client for speaking (and breaking) the protocol by hand.</summary>
    protected async Task<RawClient> RawAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", Port).WaitAsync(Timeout);
        return new RawClient(socket);
    }

    protected sealed class RawClient(Socket socket) : IDisposable
    {
        private readonly NetworkStream _stream = new(socket, ownsSocket: true);

        public Task SendBytesAsync(byte[] bytes) => _stream.WriteAsync(bytes).AsTask().WaitAsync(Timeout);

        public Task SendJsonAsync(string json) => SendBytesAsync(Frame(Encoding.UTF8.GetBytes(json)));

        public static byte[] Frame(byte[] payload)
        {
            byte[] frame = new byte[payload.Length + 4];
            BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
            payload.CopyTo(frame, 4);
            return frame;
        }

        /// <summary>Reads the next frame, or null at end of stream.</summary>
        public async Task<JsonElement?> ReadAsync()
        {
            byte[] header = new byte[4];
            int read = 0;
            while (read < 4)
            {
                int n;
                try
                {
                    n = await _stream.ReadAsync(header.AsMemory(read)).AsTask().WaitAsync(Timeout);
                }
                catch (IOException)
                {
                    return null;
                }

                if (n == 0)
                {
                    return null;
                }

                read += n;
            }

            byte[] payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header)];
            await _stream.ReadExactlyAsync(payload).AsTask().WaitAsync(Timeout);
            return JsonDocument.Parse(payload).RootElement.Clone();
        }

        /// <summary>Reads frames until the server closes the connection; returns them.</summary>
        public async Task<List<JsonElement>> ReadToEndAsync()
        {
            var frames = new List<JsonElement>();
            while (await ReadAsync() is { } f)
            {
                frames.Add(f);
            }

            return frames;
        }

        public async Task HelloAsync()
        {
            await SendJsonAsync("""{"type":"hello","version":1,"client":"raw"}""");
            JsonElement? welcome = await ReadAsync();
            Assert.Equal("welcome", welcome?.GetProperty("type").GetString());
        }

        public void ShutdownSend() => socket.Shutdown(SocketShutdown.Send);

        public void Dispose() => _stream.Dispose();
    }
}
