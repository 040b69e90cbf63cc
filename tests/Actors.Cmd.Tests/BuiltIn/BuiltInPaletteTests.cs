using System.Text.Json;
using Actors.Cmd.Tests.Support;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.BuiltIn;

public sealed class BuiltInPaletteTests(ITestOutputHelper output) : CmdTestBase(output)
{
    private sealed class Worker : ReceiveActor
    {
        public Worker()
        {
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("scripted crash"));
            Receive<string>(s => s == "child", _ => Context.ActorOf(Props.Create(() => new Worker()), "leaf"));
            Receive<string>(s => Sender.Tell(s));
        }
    }

    private async Task<IActorRef> WorkerWithKnownStateAsync()
    {
        IActorRef worker = Sys.ActorOf(Props.Create(() => new Worker()), "worker");
        worker.Tell("child");
        Assert.Equal("a", await worker.Ask<string>("a").WaitAsync(Timeout));
        Assert.Equal("b", await worker.Ask<string>("b").WaitAsync(Timeout));
        return worker;
    }

    [Fact]
    public async Task ActorHierarchy_Default_TreeOfUserAndSystem()
    {
        await WorkerWithKnownStateAsync();
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<CmdResponse> r = await RunAsync(client, "actor", "hierarchy");
        string text = r[0].Text!;
        Assert.Contains("/user", text, StringComparison.Ordinal);
        Assert.Contains("/system", text, StringComparison.Ordinal);
        Assert.Contains("── worker  (Worker)", text, StringComparison.Ordinal);
        Assert.Contains("── leaf  (Worker)", text, StringComparison.Ordinal);
        Assert.Contains("── cmd  (CommandServerActor)", text, StringComparison.Ordinal);
        ActorNodeInfo[] roots = r[0].DataAs<ActorNodeInfo[]>()!;
        Assert.Equal(["user", "system"], roots.Select(n => n.Name));
        ActorNodeInfo worker = roots[0].Children!.Single(c => c.Name == "worker");
        Assert.Equal("/user/worker/leaf", Assert.Single(worker.Children!).Path);
    }

    [Fact]
    public async Task ActorHierarchy_PathAndDepth_LimitsTree()
    {
        await WorkerWithKnownStateAsync();
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<CmdResponse> r = await RunAsync(client, "actor", "hierarchy", ("path", "/user"), ("depth", "1"));
        ActorNodeInfo user = Assert.Single(r[0].DataAs<ActorNodeInfo[]>()!);
        ActorNodeInfo worker = user.Children!.Single(c => c.Name == "worker");
        Assert.Null(worker.Children);
        Assert.DoesNotContain("leaf", r[0].Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorStat_KnownActor_ReportsProcessedRestartsAndState()
    {
        IActorRef worker = await WorkerWithKnownStateAsync();
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => worker.Tell("crash"));
        Assert.Equal("c", await worker.Ask<string>("c").WaitAsync(Timeout));
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<CmdResponse> r = await RunAsync(client, "actor", "stat", ("path", "/user/worker"));
        ActorStatInfo stat = r[0].DataAs<ActorStatInfo>()!;
        Assert.Equal("/user/worker", stat.Path);
        Assert.Equal("Worker", stat.Type);
        Assert.Equal("running", stat.State);
        Assert.Equal(5, stat.MessagesProcessed); // child, a, b, crash, c
        Assert.Equal(1, stat.Restarts);
        Assert.Equal(0, stat.MailboxDepth);
        Assert.Contains("restarts", r[0].Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorStat_Missing_NotFound()
    {
        await using ICmdClient client = await ConnectAsync();
        Assert.Equal(CmdErrorCodes.NotFound, Assert.Single(await RunAsync(client, "actor", "stat", ("path", "/user/ghost"))).ErrorCode);
    }

    [Fact]
    public async Task ActorStop_Worker_StopsIt_GuardiansAndServerRefused()
    {
        IActorRef worker = await WorkerWithKnownStateAsync();
        Watch(worker);
        await using ICmdClient client = await ConnectAsync();
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "actor", "stop", ("path", "/user/worker")))[^1].Kind);
        ExpectTerminated(worker, Timeout);
        Assert.Equal(CmdErrorCodes.Refused, Assert.Single(await RunAsync(client, "actor", "stop", ("path", "/user"))).ErrorCode);
        Assert.Equal(CmdErrorCodes.Refused, Assert.Single(await RunAsync(client, "actor", "stop", ("path", "/system/cmd/log"))).ErrorCode);
    }

    [Fact]
    public async Task LogPeek_AfterScriptedCrash_ShowsTheErrorAndFiltersByLevel()
    {
        IActorRef worker = await WorkerWithKnownStateAsync();
        Sys.Log.Info("an info line");
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => worker.Tell("crash"));
        await using ICmdClient client = await ConnectAsync();
        LogRecord[] errors = [];
        // The ring receives log events asynchronously: ask until the crash has arrived (bounded).
        for (int i = 0; i < 200 && errors.Length == 0; i++)
        {
            errors = (await RunAsync(client, "log", "peek", ("level", "error"), ("count", "10")))[0].DataAs<LogRecord[]>()!;
        }

        LogRecord crash = Assert.Single(errors);
        Assert.Equal("error", crash.Level);
        Assert.Contains("scripted crash", crash.Cause ?? crash.Message, StringComparison.Ordinal);
        LogRecord[] all = (await RunAsync(client, "log", "peek", ("count", "100")))[0].DataAs<LogRecord[]>()!;
        Assert.Contains(all, r => r.Message == "an info line");
        Assert.Equal(CmdErrorCodes.BadArguments, Assert.Single(await RunAsync(client, "log", "peek", ("level", "loud"))).ErrorCode);
    }

    [Fact]
    public async Task LogTail_StreamsUntilCancelled_ThenDoneCancelled()
    {
        await using ICmdClient client = await ConnectAsync();
        using var cancel = new CancellationTokenSource();
        var received = new List<CmdResponse>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task consume = Task.Run(async () =>
        {
            await foreach (CmdResponse r in client.ExecuteAsync("log", "tail", new Dictionary<string, string?> { ["level"] = "info" }, cancel.Token))
            {
                received.Add(r);
                if (r.Text?.Contains("tick 3", StringComparison.Ordinal) == true)
                {
                    first.TrySetResult();
                }
            }
        });

        // Keep logging, a batch at a time, until the stream has delivered a line: the subscription is set up
        // asynchronously, so a fixed number of lines logged up front can all precede it. Between batches the test
        // waits on the signal itself (bounded), never on a fixed delay.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!first.Task.IsCompleted && clock.Elapsed < Timeout)
        {
            for (int i = 0; i < 5; i++)
            {
                Sys.Log.Info("tick {0}", i);
            }

            try
            {
                await first.Task.WaitAsync(TimeSpan.FromMilliseconds(50));
            }
            catch (TimeoutException)
            {
                // Not delivered yet: log another batch.
            }
        }

        await first.Task.WaitAsync(Timeout);
        await cancel.CancelAsync();
        await consume.WaitAsync(Timeout);
        Assert.Equal(CmdResponseKind.Done, received[^1].Kind);
        Assert.True(received[^1].Cancelled);
        Assert.All(received.SkipLast(1), r => Assert.Equal(CmdResponseKind.Output, r.Kind));
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "system", "info"))[^1].Kind);
    }

    [Fact]
    public async Task SystemInfo_ReportsNameVersionsEndpointAndConfigOrigin()
    {
        await using ICmdClient client = await ConnectAsync();
        SystemInfo info = (await RunAsync(client, "system", "info"))[0].DataAs<SystemInfo>()!;
        Assert.Equal(Sys.Name, info.System);
        Assert.Equal(CmdProtocol.Version, info.ProtocolVersion);
        Assert.Equal(Server.Endpoint.ToString(), info.Endpoint);
        Assert.Contains("test.conf", info.ConfigOrigin, StringComparison.Ordinal);
        Assert.Contains(".NET", info.Runtime, StringComparison.Ordinal);
        Assert.Equal(1, info.Connections);
    }

    [Fact]
    public async Task SystemConfig_MasksSecrets_AndSelectsPath()
    {
        await using ICmdClient client = await ConnectAsync();
        CmdResponse all = (await RunAsync(client, "system", "config"))[0];
        Assert.DoesNotContain("hunter2", all.Text!, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", all.Text!, StringComparison.Ordinal);
        JsonElement app = all.Data!.Value.GetProperty("app");
        Assert.Equal(SecretMasking.Mask, app.GetProperty("db").GetProperty("password").GetString());
        Assert.Equal(SecretMasking.Mask, app.GetProperty("api-key").GetString());
        Assert.Equal(SecretMasking.Mask, app.GetProperty("tokens").GetString());
        Assert.Equal("db1", app.GetProperty("db").GetProperty("host").GetString());
        Assert.Equal(5, app.GetProperty("batch").GetInt32());
        CmdResponse db = (await RunAsync(client, "system", "config", ("path", "app.db")))[0];
        Assert.Equal("db1", db.Data!.Value.GetProperty("host").GetString());
        Assert.Equal(CmdErrorCodes.NotFound, Assert.Single(await RunAsync(client, "system", "config", ("path", "app.nope"))).ErrorCode);
    }
}
