using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Akka.Configuration;
using Akka.TestKit;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Support;

/// <summary>
/// A live Akka.NET system with a command server on 127.0.0.1 and a free port. Sockets and Ask timeouts are real;
/// with <c>virtualTime</c> the actors' timers run on Akka's <see cref="TestScheduler"/> and move only when a test
/// advances it.
/// </summary>
public abstract class CmdTestBase : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Settings every test system has: info logs (for <c>log peek</c>) and a small application section for <c>system config</c>.</summary>
    private const string BaseConfig = """
        akka.loglevel = INFO
        app {
          name = demo
          db {
            password = hunter2
            host = db1
          }
          api-key = abc
          tokens = [x, y]
          batch = 5
        }
        """;

    private const string VirtualTimeConfig = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        """;

    protected CmdTestBase(ITestOutputHelper output)
        : this(output, virtualTime: false)
    {
    }

    protected CmdTestBase(ITestOutputHelper output, bool virtualTime, string? extraConfig = null)
        : base(ConfigurationFactory.ParseString((extraConfig ?? string.Empty) + "\n" + BaseConfig + (virtualTime ? "\n" + VirtualTimeConfig : string.Empty)), null, output)
    {
    }

    protected CommandServer Server { get; private set; } = null!;

    protected int Port => Server.Endpoint.Port;

    protected TestScheduler VirtualClock => (TestScheduler)Sys.Scheduler;

    protected virtual CmdServerOptions CreateOptions() => new() { Port = 0 };

    public virtual async Task InitializeAsync() => Server = await CommandServer.StartAsync(Sys, CreateOptions()).WaitAsync(Timeout);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<ICmdClient> ConnectAsync(string? token = null) =>
        CmdClient.ConnectAsync(new CmdClientOptions { Port = Port, Token = token, ConnectTimeout = TimeSpan.FromSeconds(10) });

    protected static async Task<IReadOnlyList<CmdResponse>> RunAsync(ICmdClient client, string palette, string command, params (string Name, string Value)[] args) =>
        await client.ExecuteToListAsync(palette, command, args.ToDictionary(a => a.Name, a => (string?)a.Value)).WaitAsync(Timeout);

    /// <summary>A free loopback port: bound and released at once.</summary>
    protected static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

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
