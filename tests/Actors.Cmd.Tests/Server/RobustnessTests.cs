using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Actors.Cmd.Tests.Support;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.Server;

public sealed class RobustnessTests(ITestOutputHelper output) : CmdTestBase(output)
{
    protected override CmdServerOptions CreateOptions()
    {
        CmdServerOptions o = base.CreateOptions();
        o.MaxFrameSize = 64 * 1024;
        o.OutboundQueueCapacity = 64;
        return o;
    }

    private static void AssertFatal(List<JsonElement> frames, string code)
    {
        JsonElement last = Assert.Single(frames, f => f.GetProperty("type").GetString() == "error");
        Assert.Equal(code, last.GetProperty("code").GetString());
        Assert.True(last.GetProperty("fatal").GetBoolean());
        Assert.Equal(0, last.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"no\":\"type\"}")]
    [InlineData("{\"type\":42}")]
    [InlineData("{\"type\":\"launch-missiles\",\"id\":1}")]
    [InlineData("{\"type\":\"exec\",\"palette\":\"system\"}")]
    public async Task MalformedFrame_AfterHello_ErrorFrameThenClose(string payload)
    {
        using RawClient raw = await RawAsync();
        await raw.HelloAsync();
        await raw.SendJsonAsync(payload);
        AssertFatal(await raw.ReadToEndAsync(), CmdErrorCodes.Protocol);
    }

    [Fact]
    public async Task FirstFrameNotHello_ProtocolError()
    {
        using RawClient raw = await RawAsync();
        await raw.SendJsonAsync("""{"type":"exec","id":1,"palette":"system","command":"info"}""");
        AssertFatal(await raw.ReadToEndAsync(), CmdErrorCodes.Protocol);
    }

    [Fact]
    public async Task OversizedFrame_FrameTooLarge_WithoutReadingThePayload()
    {
        using RawClient raw = await RawAsync();
        await raw.HelloAsync();
        byte[] header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, 64 * 1024 + 1);
        await raw.SendBytesAsync([.. header, .. new byte[1000]]);
        AssertFatal(await raw.ReadToEndAsync(), CmdErrorCodes.FrameTooLarge);
    }

    [Fact]
    public async Task ZeroLengthFrame_FrameTooLarge()
    {
        using RawClient raw = await RawAsync();
        await raw.SendBytesAsync([0, 0, 0, 0]);
        AssertFatal(await raw.ReadToEndAsync(), CmdErrorCodes.FrameTooLarge);
    }

    [Fact]
    public async Task TruncatedFrame_ClientHalfCloses_ErrorFrameThenClose()
    {
        using RawClient raw = await RawAsync();
        await raw.HelloAsync();
        byte[] frame = RawClient.Frame(Encoding.UTF8.GetBytes("""{"type":"palettes","id":1}"""));
        await raw.SendBytesAsync(frame[..10]);
        raw.ShutdownSend();
        AssertFatal(await raw.ReadToEndAsync(), CmdErrorCodes.Protocol);
    }

    [Fact]
    public async Task FuzzedFrames_SeededRandom_CloseOnlyTheirConnection()
    {
        await using ICmdClient bystander = await ConnectAsync();
        var random = new Random(20240611);
        byte[] valid = RawClient.Frame(Encoding.UTF8.GetBytes("""{"type":"exec","id":3,"palette":"actor","command":"hierarchy","args":{"depth":"1"}}"""));
        for (int iteration = 0; iteration < 60; iteration++)
        {
            using RawClient raw = await RawAsync();
            await raw.HelloAsync();
            byte[] bytes = (iteration % 3) switch
            {
                0 => Mutate(valid, random),
                1 => RandomBytes(random),
                _ => valid[..random.Next(1, valid.Length)],
            };
            await raw.SendBytesAsync(bytes);
            raw.ShutdownSend();
            List<JsonElement> frames = await raw.ReadToEndAsync(); // must end: the server closes every broken connection
            Assert.All(frames, f => Assert.Contains(f.GetProperty("type").GetString(), new[] { "output", "done", "error" }));
            if (iteration % 10 == 0)
            {
                Assert.Equal(CmdResponseKind.Done, (await RunAsync(bystander, "system", "info"))[^1].Kind);
            }
        }

        Assert.True(bystander.IsConnected);
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(bystander, "actor", "hierarchy"))[^1].Kind);
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        byte[] copy = (byte[])valid.Clone();
        for (int i = random.Next(1, 6); i > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] RandomBytes(Random random)
    {
        byte[] bytes = new byte[random.Next(1, 200)];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task FiftyConcurrentClients_AllServed()
    {
        Task<string>[] runs = Enumerable.Range(0, 50).Select(async i =>
        {
            await using ICmdClient client = await ConnectAsync();
            IReadOnlyList<CmdResponse> r = await RunAsync(client, "actor", "hierarchy", ("path", "/system"));
            Assert.Equal(CmdResponseKind.Done, r[^1].Kind);
            return r[0].Text!;
        }).ToArray();
        string[] texts = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(texts, t => Assert.Contains("cmd", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlowClient_NeverReads_IsDroppedWhileOthersAreServed()
    {
        // A client that streams log tail but never reads: its queue (64 frames) overflows and it is dropped.
        var dropped = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.SlowClientDropped += remote => dropped.TrySetResult(remote);
        using RawClient slow = await RawAsync();
        await slow.HelloAsync();
        await slow.SendJsonAsync("""{"type":"exec","id":1,"palette":"log","command":"tail"}""");
        await using ICmdClient other = await ConnectAsync();
        string big = new('x', 8000);
        for (int i = 0; i < 20_000 && !dropped.Task.IsCompleted; i++)
        {
            Sys.Log.Info("flood {0} {1}", i, big);
            if (i % 100 == 0)
            {
                Assert.Equal(CmdResponseKind.Done, (await RunAsync(other, "system", "info"))[^1].Kind);
            }
        }

        await dropped.Task.WaitAsync(Timeout);
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(other, "system", "info"))[^1].Kind);
        Assert.True(other.IsConnected);
    }
}
