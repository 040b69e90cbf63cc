using System.Text.Json;
using Actors.Cmd.Tests.Support;
using Xunit.Abstractions;

namespace Actors.Cmd.Tests.BuiltIn;

public sealed class BuiltInPaletteTests(ITestOutputHelper output) : CmdTestBase(output)
{
    private const string Token = "admin-token";

    protected override CmdServerOptions CreateOptions() => new() { Port = 0, Token = Token, ConfigOrigin = "test.conf" };

    private sealed class Worker : ReceiveActor
    {
        public Worker()
        {
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("scripted crash"));
            Receive<string>(s => s == "child", _ => Context.ActorOf(Props.Create(() => new Worker()), "leaf"));
            Receive<int>(n =>
            {
                for (int i = 0; i < n; i++)
                {
                    Context.ActorOf(Props.Create(() => new Worker()), $"c{i:000}");
                }

                Sender.Tell(n);
            });
            Receive<string>(s => Sender.Tell(s));
        }
    }

    private async Task<IActorRef> WorkerWithKnownStateAsync()
    {
        IActorRef worker = Sys.ActorOf(Props.Create(() => new Worker()), "worker");
        worker.Tell("child");
        Assert.Equal("a", await worker.Ask<string>("a").WaitAsync(Timeout));
        return worker;
    }

    [Fact]
    public async Task ActorHierarchy_Default_RealTreeOfUserAndSystem()
    {
        await WorkerWithKnownStateAsync();
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<CmdResponse> r = await RunAsync(client, "actor", "hierarchy");
        string text = r[0].Text!;
        Assert.StartsWith("/user  (user guardian)", text, StringComparison.Ordinal);
        Assert.Contains("\n/system  (system guardian)", text, StringComparison.Ordinal);
        Assert.Contains("── worker", text, StringComparison.Ordinal);
        Assert.Contains("── leaf", text, StringComparison.Ordinal);
        Assert.Contains("── cmd  (command server)", text, StringComparison.Ordinal);
        Assert.Contains("── log  (log ring of the command server)", text, StringComparison.Ordinal);
        Assert.Contains("── deadLetterListener", text, StringComparison.Ordinal);
        ActorHierarchyInfo info = r[0].DataAs<ActorHierarchyInfo>()!;
        Assert.Equal(["user", "system"], info.Roots.Select(n => n.Name));
        Assert.True(info.Complete);
        Assert.Equal(info.Total, info.Shown);
        ActorNodeInfo worker = info.Roots[0].Children!.Single(c => c.Name == "worker");
        Assert.Equal("/user/worker/leaf", Assert.Single(worker.Children!).Path);
        Assert.EndsWith($"{info.Total} actors", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorHierarchy_PathAndDepth_StopsAtTheDepth()
    {
        await WorkerWithKnownStateAsync();
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<CmdResponse> r = await RunAsync(client, "actor", "hierarchy", ("path", "/user"), ("depth", "1"));
        ActorNodeInfo user = Assert.Single(r[0].DataAs<ActorHierarchyInfo>()!.Roots);
        ActorNodeInfo worker = user.Children!.Single(c => c.Name == "worker");
        Assert.Null(worker.Children);
        Assert.DoesNotContain("leaf", r[0].Text!, StringComparison.Ordinal);
        Assert.Contains("(depth 1)", r[0].Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorHierarchy_ManyChildren_ShowsTheLimitWithACountLine_AllShowsEverything()
    {
        IActorRef many = Sys.ActorOf(Props.Create(() => new Worker()), "many");
        Assert.Equal(60, await many.Ask<int>(60).WaitAsync(Timeout));
        await using ICmdClient client = await ConnectAsync();

        CmdResponse limited = (await RunAsync(client, "actor", "hierarchy", ("path", "/user/many"), ("limit", "10")))[0];
        ActorHierarchyInfo info = limited.DataAs<ActorHierarchyInfo>()!;
        Assert.Equal((10, 61), (info.Shown, info.Total));
        ActorNodeInfo root = Assert.Single(info.Roots);
        Assert.Equal(["c000", "c001", "c002", "c003", "c004", "c005", "c006", "c007", "c008"], root.Children!.Select(c => c.Name));
        Assert.Equal(51, root.MoreChildren);
        Assert.Contains("└── … 51 more", limited.Text, StringComparison.Ordinal);
        Assert.EndsWith("showing 10 of 61 actors; --all for all, -n N for N", limited.Text, StringComparison.Ordinal);

        CmdResponse defaultLimit = (await RunAsync(client, "actor", "hierarchy", ("path", "/user/many")))[0];
        Assert.Equal((50, 61), (defaultLimit.DataAs<ActorHierarchyInfo>()!.Shown, defaultLimit.DataAs<ActorHierarchyInfo>()!.Total));

        CmdResponse all = (await RunAsync(client, "actor", "hierarchy", ("path", "/user/many"), ("all", "true")))[0];
        Assert.Equal(60, Assert.Single(all.DataAs<ActorHierarchyInfo>()!.Roots).Children!.Count);
        Assert.EndsWith("61 actors", all.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public async Task ActorHierarchy_LimitNotPositive_BadArguments(string limit)
    {
        await using ICmdClient client = await ConnectAsync();
        CmdResponse r = Assert.Single(await RunAsync(client, "actor", "hierarchy", ("limit", limit)));
        Assert.Equal(CmdErrorCodes.BadArguments, r.ErrorCode);
        Assert.Contains("positive", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorStat_PlainActor_WhatAkkaExposes()
    {
        IActorRef worker = await WorkerWithKnownStateAsync();
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<CmdResponse> r = await RunAsync(client, "actor", "stat", ("path", "/user/worker"));
        ActorStatInfo stat = r[0].DataAs<ActorStatInfo>()!;
        Assert.Equal("/user/worker", stat.Path);
        Assert.True(stat.Answered);
        Assert.Equal(worker.Path.ToStringWithUid(), stat.Address);
        Assert.Equal(["leaf"], stat.Children);
        Assert.True(stat.ChildrenComplete);
        Assert.Null(stat.Unit);
        Assert.Null(stat.Role);
        Assert.StartsWith("akka (any actor):", r[0].Text, StringComparison.Ordinal);
        Assert.Contains("children          1 (leaf)", r[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("unit (", r[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/user/worker/")]
    [InlineData("user/worker")]
    public async Task ActorStat_PathSpelledDifferently_SameActor(string path)
    {
        IActorRef worker = await WorkerWithKnownStateAsync();
        await using ICmdClient client = await ConnectAsync();
        Assert.Equal("/user/worker", (await RunAsync(client, "actor", "stat", ("path", path)))[0].DataAs<ActorStatInfo>()!.Path);
        Assert.Equal("/user/worker", (await RunAsync(client, "actor", "stat", ("path", worker.Path.ToStringWithUid())))[0].DataAs<ActorStatInfo>()!.Path);
    }

    [Fact]
    public async Task ActorStat_Missing_NotFound()
    {
        await using ICmdClient client = await ConnectAsync();
        Assert.Equal(CmdErrorCodes.NotFound, Assert.Single(await RunAsync(client, "actor", "stat", ("path", "/user/ghost"))).ErrorCode);
        Assert.Equal(CmdErrorCodes.BadArguments, Assert.Single(await RunAsync(client, "actor", "stat", ("path", "/user/*"))).ErrorCode);
    }

    [Fact]
    public async Task ActorStop_WithToken_StopsIt_GuardiansAndSystemActorsRefused()
    {
        IActorRef worker = await WorkerWithKnownStateAsync();
        Watch(worker);
        await using ICmdClient client = await ConnectAsync(Token);
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "actor", "stop", ("path", "/user/worker")))[^1].Kind);
        ExpectTerminated(worker, Timeout);
        Assert.Equal(CmdErrorCodes.Refused, Assert.Single(await RunAsync(client, "actor", "stop", ("path", "/user"))).ErrorCode);
        Assert.Equal(CmdErrorCodes.Refused, Assert.Single(await RunAsync(client, "actor", "stop", ("path", "/system/cmd/log"))).ErrorCode);
        Assert.Equal(CmdErrorCodes.Refused, Assert.Single(await RunAsync(client, "actor", "stop", ("path", "/system/deadLetterListener"))).ErrorCode);
        Assert.Equal(CmdErrorCodes.NotFound, Assert.Single(await RunAsync(client, "actor", "stop", ("path", "/user/worker"))).ErrorCode);
    }

    [Fact]
    public async Task ActorStop_WithoutTokenOnLoopback_RefusedAsAuthRequired_ReadsStillOpen()
    {
        IActorRef worker = await WorkerWithKnownStateAsync();
        await using ICmdClient client = await ConnectAsync();
        Assert.False(client.Server.Authenticated);
        CmdResponse refused = Assert.Single(await RunAsync(client, "actor", "stop", ("path", "/user/worker")));
        Assert.Equal(CmdErrorCodes.AuthenticationRequired, refused.ErrorCode);
        Assert.Contains("admin token", refused.Text, StringComparison.Ordinal);
        Assert.Equal("a", await worker.Ask<string>("a").WaitAsync(Timeout));
        Assert.Equal(CmdResponseKind.Done, (await RunAsync(client, "actor", "stat", ("path", "/user/worker")))[^1].Kind);
    }

    [Fact]
    public async Task Palettes_MutatingCommands_AreMarked()
    {
        await using ICmdClient client = await ConnectAsync();
        PaletteDescriptor actor = (await client.GetPalettesAsync()).Single(p => p.Name == "actor");
        Assert.True(actor.FindCommand("stop")!.IsMutation);
        Assert.False(actor.FindCommand("stat")!.IsMutation);
        Assert.False(actor.FindCommand("hierarchy")!.IsMutation);
    }

    [Fact]
    public async Task LogPeek_AfterScriptedCrash_ShowsTheErrorAndFiltersByLevel()
    {
        IActorRef worker = await WorkerWithKnownStateAsync();
        Sys.Log.Info("an info line");
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => worker.Tell("crash"));
        await using ICmdClient client = await ConnectAsync();
        IReadOnlyList<LogRecord> errors = [];
        // The ring is one more subscriber of the event stream the TestKit's filter saw the crash on: ask until it has
        // it too (bounded, no delay).
        for (int i = 0; i < 200 && errors.Count == 0; i++)
        {
            errors = (await RunAsync(client, "log", "peek", ("level", "error"), ("limit", "10")))[0].DataAs<CmdPage<LogRecord>>()!.Items;
        }

        LogRecord crash = Assert.Single(errors);
        Assert.Equal("error", crash.Level);
        Assert.Contains("scripted crash", crash.Cause ?? crash.Message, StringComparison.Ordinal);
        CmdResponse all = (await RunAsync(client, "log", "peek", ("limit", "1000")))[0];
        Assert.Contains(all.DataAs<CmdPage<LogRecord>>()!.Items, r => r.Message == "an info line");
        Assert.Equal(CmdErrorCodes.BadArguments, Assert.Single(await RunAsync(client, "log", "peek", ("level", "loud"))).ErrorCode);
        Assert.Equal(CmdErrorCodes.BadArguments, Assert.Single(await RunAsync(client, "log", "peek", ("limit", "-3"))).ErrorCode);
    }

    [Fact]
    public async Task LogPeek_MoreEventsThanTheLimit_CountLineSaysHowMany()
    {
        for (int i = 0; i < 30; i++)
        {
            Sys.Log.Warning("warning {0}", i);
        }

        await using ICmdClient client = await ConnectAsync();
        CmdPage<LogRecord> page = new([], 0);
        for (int i = 0; i < 200 && page.Total < 30; i++)
        {
            page = (await RunAsync(client, "log", "peek", ("level", "warning"), ("limit", "5")))[0].DataAs<CmdPage<LogRecord>>()!;
        }

        Assert.Equal((5, 30), (page.Shown, page.Total));
        Assert.Equal("warning 29", page.Items[^1].Message);
        CmdResponse r = (await RunAsync(client, "log", "peek", ("level", "warning"), ("limit", "5")))[0];
        Assert.EndsWith("showing 5 of 30 events; --all for all, -n N for N", r.Text, StringComparison.Ordinal);
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
        CmdResponse r = (await RunAsync(client, "system", "info"))[0];
        SystemInfo info = r.DataAs<SystemInfo>()!;
        Assert.Equal(Sys.Name, info.System);
        Assert.Equal(CmdProtocol.Version, info.ProtocolVersion);
        Assert.Equal($"127.0.0.1:{Port}", info.Endpoint);
        Assert.Equal("test.conf", info.ConfigOrigin);
        Assert.StartsWith("1.5.", info.AkkaVersion, StringComparison.Ordinal);
        Assert.Contains(".NET", info.Runtime, StringComparison.Ordinal);
        Assert.Equal(1, info.Connections);
        Assert.Contains("akka         1.5.", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemConfig_ActorSystemConfig_MasksSecrets_AndSelectsPath()
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
        Assert.Equal("INFO", all.Data!.Value.GetProperty("akka").GetProperty("loglevel").GetString());
        CmdResponse db = (await RunAsync(client, "system", "config", ("path", "app.db")))[0];
        Assert.Equal("db1", db.Data!.Value.GetProperty("host").GetString());
        Assert.Contains("password = \"********\"", db.Text, StringComparison.Ordinal);
        Assert.Equal(CmdErrorCodes.NotFound, Assert.Single(await RunAsync(client, "system", "config", ("path", "app.nope"))).ErrorCode);
    }
}
