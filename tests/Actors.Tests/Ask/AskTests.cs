using Actors.Tests.Support;

namespace Actors.Tests.Ask;

public sealed class AskTests : TestKit.TestKit
{
    private sealed class ResponderActor : ReceiveActor
    {
        public ResponderActor()
        {
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new TestException("replied failure"))));
            Receive<string>(s => s == "silent", _ => { });
            Receive<string>(s => s == "number", _ => Sender.Tell(42));
            Receive<string>(s => Sender.Tell(s.ToUpperInvariant()));
        }
    }

    private IActorRef Responder() => Sys.ActorOf(Props.Create(() => new ResponderActor()));

    [Fact]
    public async Task Ask_Reply_CompletesWithReply()
    {
        Assert.Equal("HI", await Responder().Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_NoReply_TimesOutOnVirtualClock()
    {
        var task = Responder().Ask<string>("silent", TimeSpan.FromSeconds(30));
        await AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.False(task.IsCompleted);

        await AdvanceAsync(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    [Fact]
    public async Task Ask_DefaultTimeout_UsesSystemAskTimeout()
    {
        var task = Responder().Ask<string>("silent");
        await AdvanceAsync(Sys.Settings.AskTimeout - TimeSpan.FromTicks(1));
        Assert.False(task.IsCompleted);
        await AdvanceAsync(TimeSpan.FromTicks(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    [Fact]
    public async Task Ask_StatusFailureReply_FaultsWithCause()
    {
        var e = await Assert.ThrowsAsync<TestException>(() => Responder().Ask<string>("fail", TimeSpan.FromSeconds(5)));
        Assert.Equal("replied failure", e.Message);
    }

    [Fact]
    public async Task Ask_ReplyOfWrongType_FaultsWithInvalidCast()
    {
        await Assert.ThrowsAsync<InvalidCastException>(() => Responder().Ask<string>("number", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_CancellationToken_CancelsTask()
    {
        using var cts = new CancellationTokenSource();
        var task = Responder().Ask<string>("silent", cts.Token);
        Assert.False(task.IsCompleted);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public async Task Ask_InfiniteTimeout_NeverTimesOut()
    {
        var task = Responder().Ask<string>("silent", Timeout.InfiniteTimeSpan);
        await AdvanceAsync(TimeSpan.FromDays(365));
        Assert.False(task.IsCompleted);
    }

    [Fact]
    public async Task Ask_TerminatedActor_FailsAtOnce()
    {
        var actor = Responder();
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        var task = actor.Ask<string>("hi", TimeSpan.FromMinutes(1));

        Assert.True(task.IsCompleted);
        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    [Fact]
    public async Task Ask_Probe_ReplyCompletesTask()
    {
        var probe = CreateTestProbe();
        var task = probe.Ask<int>("question", TimeSpan.FromSeconds(5));
        probe.ExpectMsg("question");
        probe.Reply(7);
        Assert.Equal(7, await task);
    }

    [Fact]
    public async Task PipeTo_SuccessfulTask_SendsResult()
    {
        var probe = CreateTestProbe();
        await Task.FromResult("result").PipeTo(probe, TestActor);
        probe.ExpectMsg("result");
        Assert.Equal(TestActor, probe.LastSender);
    }

    [Fact]
    public async Task PipeTo_FaultedTask_SendsStatusFailure()
    {
        var probe = CreateTestProbe();
        var cause = new TestException("piped");
        await Task.FromException<string>(cause).PipeTo(probe);
        var failure = probe.ExpectMsg<Status.Failure>();
        Assert.Same(cause, failure.Cause);
    }

    [Fact]
    public async Task PipeTo_WithMappers_SendsMappedMessages()
    {
        var probe = CreateTestProbe();
        await Task.FromResult(20).PipeTo(probe, success: i => $"ok {i}", failure: e => $"bad {e.Message}");
        await Task.FromException<int>(new TestException("x")).PipeTo(probe, success: i => $"ok {i}", failure: e => $"bad {e.Message}");
        probe.ExpectMsg("ok 20");
        probe.ExpectMsg("bad x");
    }

    [Fact]
    public async Task PipeTo_NonGenericTask_SendsStatusSuccess()
    {
        var probe = CreateTestProbe();
        await Task.CompletedTask.PipeTo(probe);
        probe.ExpectMsg(new Status.Success(null));
    }

    [Fact]
    public async Task PipeTo_PendingTask_SendsWhenCompleted()
    {
        var probe = CreateTestProbe();
        var tcs = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var piped = tcs.Task.PipeTo(probe);
        probe.ExpectNoMsg();
        tcs.SetResult("later");
        await piped;
        probe.ExpectMsg("later");
    }
}
